/** Stylesheets have no effect in jsdom tests. */
module.exports = {};

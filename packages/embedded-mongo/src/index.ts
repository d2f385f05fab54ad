/**
 * @fugong/embedded-mongo — an embedded, MongoDB-wire-compatible database server.
 */
export { startEmbeddedMongo } from './server';
export type { EmbeddedMongo, EmbeddedMongoOptions } from './server';

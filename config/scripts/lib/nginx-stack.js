/**
 * The production shape on one machine: the embedded database on its own (`npm run db`), several
 * BFF instances on it, and nginx in front (deploy/nginx/fugong.conf) serving the H5 build and
 * balancing /api. Same interface as stack.js's startStack, so the browser tests run through it
 * unchanged (E2E_NGINX=1, see config/scripts/nginx-stage.js).
 */
const { startBff, freePort, H5_DIR } = require('./stack');
const { startEmbeddedDb } = require('./processes');
const { startNginx } = require('./nginx');

/**
 * @param {{ seed?: 'demo'|'none', instances?: number, env?: Record<string,string> }} options
 * @returns {Promise<{ webUrl: string, apiUrl: string, instances: Array<{ apiUrl: string, output: () => string }>,
 *           output: () => string, accessLog: () => string, exited: Promise<unknown>, stop: () => Promise<void> }>}
 */
async function startNginxStack({ seed = 'demo', instances = 2, env = {} } = {}) {
  const started = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const db = await startEmbeddedDb();
    started.push(db);
    // nginx is the one proxy in front: the BFF reads the client from the last X-Forwarded-For entry.
    const bffEnv = { MONGODB_URI: db.uri, TRUST_PROXY_HOPS: '1', ...env };
    // The first instance seeds the demo data (and builds the indexes); the others start on it.
    const bffs = [await startBff({ seed, env: bffEnv })];
    started.push(bffs[0]);
    for (let i = 1; i < instances; i += 1) {
      const bff = await startBff({ seed: 'none', env: bffEnv });
      started.push(bff);
      bffs.push(bff);
    }
    const nginx = await startNginx({
      port: await freePort(),
      upstreamPorts: bffs.map((b) => b.port),
      root: H5_DIR,
    });
    started.push(nginx);
    return {
      webUrl: nginx.url,
      apiUrl: nginx.url,
      instances: bffs.map((b) => ({ apiUrl: b.apiUrl, output: b.output })),
      // The browser tests read one-time codes from the log of whichever instance sent them.
      output: () => bffs.map((b) => b.output()).join('\n'),
      accessLog: nginx.accessLog,
      exited: Promise.race([db.exited, ...bffs.map((b) => b.exited)]),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

module.exports = { startNginxStack };

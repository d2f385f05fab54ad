/**
 * A small static server for the H5 build that proxies /api to the BFF, so the browser sees
 * one origin (no CORS in the demo) — the same shape as nginx in front of the BFF in production.
 * Text files go out compressed (brotli, else gzip, as the browser accepts): on 3G the bundle
 * is the first-load time, and nginx in production compresses too (deploy/nginx/fugong.conf).
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
/** Files below this gain nothing from compression (one TCP packet either way). */
const MIN_COMPRESS_BYTES = 1024;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * @param {{ root: string, apiUrl: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function startWebServer({ root, apiUrl, port = 0, host = '127.0.0.1' }) {
  const api = new URL(apiUrl);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return proxy(req, res, api);
    serveStatic(root, req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  warmUp(root);
  return {
    url: `http://${host}:${server.address().port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function proxy(req, res, api) {
  const upstream = http.request(
    {
      host: api.hostname,
      port: api.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: api.host },
    },
    (up) => {
      res.writeHead(up.statusCode || 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } }),
    );
  });
  req.pipe(upstream);
}

/**
 * Compressed copies, made once per file and encoding and kept: the build's files are immutable
 * (hashed names) and index.html is small. Keyed by path, size and mtime so a rebuild is seen.
 */
const compressed = new Map();

function pickEncoding(req) {
  const accepted = String(req.headers['accept-encoding'] || '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

function compress(file, stat, data, encoding) {
  const key = `${encoding}:${file}:${stat.size}:${stat.mtimeMs}`;
  let body = compressed.get(key);
  if (!body) {
    body =
      encoding === 'br'
        ? zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          })
        : zlib.gzipSync(data, { level: 6 });
    compressed.set(key, body);
  }
  return body;
}

/**
 * Compresses the build's scripts and styles in the background right after start-up, so the first
 * phone to ask does not wait for brotli's best (and slowest) level.
 */
function warmUp(root) {
  const queue = [];
  for (const dir of ['js', 'css']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full)) if (/\.(js|css)$/.test(name)) queue.push(path.join(full, name));
  }
  const next = () => {
    const file = queue.shift();
    if (!file) return;
    try {
      const stat = fs.statSync(file);
      const data = fs.readFileSync(file);
      if (data.length >= MIN_COMPRESS_BYTES)
        for (const encoding of ['br', 'gzip']) compress(file, stat, data, encoding);
    } catch {
      // A file that vanished (a rebuild) is compressed when asked for, if ever.
    }
    setImmediate(next);
  };
  setImmediate(next);
}

function serveStatic(root, req, res) {
  const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = path.normalize(path.join(root, urlPath));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html'); // SPA fallback
  fs.readFile(file, (err, data) => {
    const stat = err ? null : fs.statSync(file);
    if (err || !stat) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('H5 build not found. Run: npm run build:h5');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    // Only hashed names are immutable; index.html and sw.js must be asked for again (as in nginx).
    const cache = /\.[0-9a-f]{8,}\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, 'Cache-Control': cache, Vary: 'Accept-Encoding' };
    const encoding = COMPRESSIBLE.test(type) && data.length >= MIN_COMPRESS_BYTES ? pickEncoding(req) : null;
    if (!encoding) {
      res.writeHead(200, headers);
      res.end(data);
      return;
    }
    const body = compress(file, stat, data, encoding);
    res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
    res.end(body);
  });
}

module.exports = { startWebServer };

/**
 * Runs Debian's nginx on the shipped site configuration (deploy/nginx/fugong.conf) from a temp
 * prefix, on loopback: only the upstream servers, `listen`, `root` and the access log are
 * rewritten, so CI tests the file operators install, not a copy of it.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startProcess, waitForOk, ROOT } = require('./processes');

const SITE = path.join(ROOT, 'deploy/nginx/fugong.conf');
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

/** Replaces what `pattern` matches exactly `times` times, or throws: the template changed shape. */
function rewrite(text, pattern, replacement, times) {
  const found = text.match(new RegExp(pattern.source, 'gm')) || [];
  if (found.length !== times)
    throw new Error(`deploy/nginx/fugong.conf: expected ${times} × ${pattern}, found ${found.length}`);
  return text.replace(new RegExp(pattern.source, 'gm'), replacement);
}

/**
 * The site file as this run needs it.
 * @param {{ port: number, upstreamPorts: number[], root: string, logDir: string }} o
 */
function renderSite({ port, upstreamPorts, root, logDir }) {
  let site = fs.readFileSync(SITE, 'utf8');
  const servers = upstreamPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`)
    .join('\n');
  site = rewrite(site, /^ {4}server 127\.0\.0\.1:\d+ .*;\n/, '', 2);
  site = rewrite(site, /^upstream fugong_bff \{\n/, `upstream fugong_bff {\n${servers}\n`, 1);
  site = rewrite(site, /^ {4}listen 80;$/, `    listen 127.0.0.1:${port};`, 1);
  site = rewrite(site, /^ {4}listen \[::\]:80;\n/, '', 1);
  site = rewrite(site, /^ {4}root \/srv\/fugong\/h5;$/, `    root ${root};`, 1);
  site = rewrite(
    site,
    /^ {4}access_log \S+ fugong;$/,
    `    access_log ${path.join(logDir, 'access.log')} fugong;`,
    1,
  );
  return site;
}

/**
 * The main context Debian's /etc/nginx/nginx.conf would give, pointed at a temp prefix; as root
 * the workers drop to nobody as Debian's www-data would.
 */
function renderMain({ prefix, site }) {
  const temp = (name) => path.join(prefix, 'temp', name);
  const asRoot = process.getuid && process.getuid() === 0;
  return `${asRoot ? 'user nobody nogroup;\n' : ''}daemon off;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'logs', 'error.log')} warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    gzip on;
    client_body_temp_path ${temp('body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
${site}
}
`;
}

/**
 * Checks the configuration with `nginx -t`, then starts nginx in the foreground.
 * @param {{ port: number, upstreamPorts: number[], root: string }} o
 * @returns {Promise<{ url: string, prefix: string, accessLog: () => string, stop: () => Promise<void> }>}
 */
async function startNginx({ port, upstreamPorts, root }) {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: apt-get install -y nginx`);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-nginx-'));
  fs.chmodSync(prefix, 0o755);
  const logDir = path.join(prefix, 'logs');
  fs.mkdirSync(logDir);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    fs.mkdirSync(path.join(prefix, 'temp', t), { recursive: true });
    fs.chmodSync(path.join(prefix, 'temp', t), 0o777); // the workers may run as nobody
  }
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, renderMain({ prefix, site: renderSite({ port, upstreamPorts, root, logDir }) }));
  const args = ['-p', prefix, '-c', conf, '-e', path.join(logDir, 'error.log')];
  const test = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) {
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t failed:\n${test.stderr}\n${renderSite({ port, upstreamPorts, root, logDir })}`);
  }
  const proc = await startProcess(NGINX, args, { ready: null, label: 'nginx' });
  const url = `http://127.0.0.1:${port}`;
  const died = proc.exited.then((how) => {
    throw new Error(`nginx exited (${how}):\n${proc.output()}`);
  });
  died.catch(() => undefined); // an exit after start-up is the caller's business
  try {
    await Promise.race([waitForOk(`${url}/index.html`, 15_000), died]);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    url,
    prefix,
    accessLog: () => fs.readFileSync(path.join(logDir, 'access.log'), 'utf8'),
    async stop() {
      await proc.stop();
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

module.exports = { startNginx, renderSite };

/**
 * The H5 service worker, so the app opens without signal after one visit online. `SHELL` is
 * written above this file at build time (config/service-worker-manifest.ts): the build's
 * version and the files of the app shell.
 *
 * - index.html: network first (a new release is seen at once online), the kept copy offline.
 * - hashed JS/CSS/fonts/images: cache first — a hashed name never changes content.
 * - /api/*: never touched here. Data offline is the app's own storage (the kept pass, the
 *   boarding codes, the marshal's queued scans), which knows how old it is; a cached API answer
 *   would be shown as if it were current.
 */
/* global SHELL */
const CACHE_PREFIX = 'fugong-shell-';
const CACHE = CACHE_PREFIX + SHELL.version;
const INDEX = '/index.html';
const HASHED = new Set(SHELL.files);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: the precache must not be filled from a stale HTTP cache of index.html.
      .then((cache) => cache.addAll([new Request(INDEX, { cache: 'reload' }), ...SHELL.files]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' || url.pathname === '/' || url.pathname === INDEX) {
    event.respondWith(networkFirstIndex(request));
  } else if (HASHED.has(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

/** The page itself: the network's copy (kept for next time), else the kept one. */
async function networkFirstIndex(request) {
  const cache = await caches.open(CACHE);
  try {
    const fresh = await fetch(request);
    if (fresh.ok) await cache.put(INDEX, fresh.clone());
    return fresh;
  } catch (error) {
    const kept = await cache.match(INDEX);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const fresh = await fetch(request);
  if (fresh.ok) await cache.put(request, fresh.clone());
  return fresh;
}

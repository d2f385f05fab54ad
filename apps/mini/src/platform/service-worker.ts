/**
 * H5 only: registers the service worker (sw.js, written by the production build) so the app
 * opens without signal after one visit. Not in development builds, which have no sw.js and whose
 * files change on every save, and not in WeChat, which keeps the mini-program's files itself.
 */
export function registerServiceWorker(): void {
  if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return;
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  if (!nav?.serviceWorker) return;
  const register = () => {
    // A refused registration (no HTTPS, private mode) leaves the app working online as before.
    nav.serviceWorker.register('/sw.js').catch(() => undefined);
  };
  // After load: the worker's precache must not compete with the first screen on 3G.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Vite sets this at build time; the dev server serves modules that must never be cached. */
const isProductionBuild = (import.meta as unknown as { env?: { PROD?: boolean } }).env?.PROD === true;

/**
 * Registers public/sw.js, which keeps the app shell on this device so a board visited once
 * opens offline. Failure only means the page needs the network to load, so it is not reported.
 */
export function registerServiceWorker(): void {
  if (!isProductionBuild || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

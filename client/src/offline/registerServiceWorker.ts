import { whenIdle } from '../device/whenIdle.ts';

/** Vite sets this at build time; the dev server serves modules that must never be cached. */
const isProductionBuild = (import.meta as unknown as { env?: { PROD?: boolean } }).env?.PROD === true;

/** At most this long after the page has loaded, even on a page that is never idle. */
const LATEST_MS = 5_000;

/**
 * Registers public/sw.js, which keeps the app shell on this device so a board visited once
 * opens offline. Failure only means the page needs the network to load, so it is not reported.
 * Installing it fetches and stores the whole app again, so it waits until the page is idle
 * after loading: on a first visit it would otherwise compete with drawing the board.
 */
export function registerServiceWorker(): void {
  if (!isProductionBuild || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  };
  const registerWhenIdle = () => whenIdle(register, LATEST_MS, 0);
  if (document.readyState === 'complete') registerWhenIdle();
  else window.addEventListener('load', registerWhenIdle, { once: true });
}

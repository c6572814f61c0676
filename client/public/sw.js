// Costudio's service worker: keeps the app shell on the device so a board opens without a
// network. The board's data is kept separately, in IndexedDB (y-indexeddb); this file only
// caches the page and the built assets. Written by hand: it is small, and its rules should be
// readable in one screen.
//
// - Pages ('/' and '/b/<id>') are network-first: online, people always get the newest build;
//   offline (or while the server is down) the last index.html seen is served instead.
// - /assets/* are content-hashed and never change, so they are served from the cache first.
// - Everything else (/api, /sync, /healthz, /metrics) is left to the network.
// - When a page brings a new build, assets the new index.html does not name are deleted, so old
//   builds do not pile up on the device. (The build has no lazily loaded chunks; if it gains
//   some, they are fetched and cached again on first use.)

const CACHE = 'costudio-shell-v1';
const SHELL = '/';
const APP_PAGE = /^\/(b\/[A-Za-z0-9_-]{1,64}\/?)?$/;
const ASSET_IN_HTML = /(?:src|href)="(\/assets\/[^"]+)"/g;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await cacheShell(await fetch(SHELL, { cache: 'no-store' }));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      // Take over the page that registered us, so its later asset loads are cached too.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && APP_PAGE.test(url.pathname)) event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await cacheShell(response.clone()).catch(() => {});
    return response;
  } catch (error) {
    const cached = await (await caches.open(CACHE)).match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * Stores index.html and every asset it names, so the shell is complete before it is used, then
 * drops cached assets of earlier builds.
 */
async function cacheShell(response) {
  if (!response.ok) return;
  const html = await response.clone().text();
  const cache = await caches.open(CACHE);
  const assets = [...html.matchAll(ASSET_IN_HTML)].map((match) => match[1]);
  const missing = [];
  for (const path of assets) if (!(await cache.match(path))) missing.push(path);
  await cache.addAll(missing);
  await cache.put(SHELL, response);
  const current = new Set(assets);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !current.has(path)) await cache.delete(request);
  }
}

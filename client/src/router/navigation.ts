import { useSyncExternalStore } from 'react';

/**
 * A router small enough to read in one go: the app has two pages, chosen by location.pathname.
 * navigate() pushes history and tells subscribers, so links work without a full reload.
 */
const NAVIGATE_EVENT = 'costudio:navigate';

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

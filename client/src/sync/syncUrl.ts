import { SYNC_PATH } from '@costudio/shared';

/** The relay's sync endpoint on the page's own origin (the relay serves the client). */
export function syncServerUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${SYNC_PATH}`;
}

import { CloseCode } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { deriveSyncStatus, type SyncFacts } from './syncStatus.ts';

const base: SyncFacts = {
  connected: true,
  synced: true,
  everSynced: true,
  allSaved: true,
  browserOnline: true,
  lastCloseCode: null,
};

describe('deriveSyncStatus', () => {
  it.each<[string, Partial<SyncFacts>, string]>([
    ['first connection', { connected: false, synced: false, everSynced: false }, 'Connecting…'],
    ['connected, not yet synced', { synced: false, everSynced: false }, 'Connecting…'],
    ['synced and saved', {}, 'All changes saved'],
    ['local change not yet saved', { allSaved: false }, 'Saving…'],
    ['lost the connection', { connected: false, synced: false }, 'Offline'],
    ['browser offline', { browserOnline: false }, 'Offline'],
    ['refused before first sync', { connected: false, synced: false, everSynced: false, lastCloseCode: 4404 }, 'Offline'],
    [
      'link switched off',
      { connected: false, synced: false, lastCloseCode: 4410, linkRefusal: 'switched-off' },
      'Link switched off',
    ],
    [
      'link not valid at open',
      { connected: false, synced: false, everSynced: false, linkRefusal: 'not-valid' },
      'Link not valid',
    ],
  ])('%s', (_name, facts, label) => {
    expect(deriveSyncStatus({ ...base, ...facts }).label).toBe(label);
  });

  it('says the facilitator changed the board, not "Offline", while a lock change reconnects', () => {
    const closed = { ...base, connected: false, synced: false, lastCloseCode: CloseCode.ACCESS_CHANGED };
    expect(deriveSyncStatus(closed)).toEqual({
      kind: 'connecting',
      label: 'The facilitator changed the board, so we are joining it again.',
      detail: null,
    });
    // Reconnected but not yet synced: still the same words.
    expect(deriveSyncStatus({ ...closed, connected: true }).label).toBe(
      'The facilitator changed the board, so we are joining it again.',
    );
    // A browser that lost its network is offline, whatever the last close said.
    expect(deriveSyncStatus({ ...closed, browserOnline: false }).label).toBe('Offline');
  });

  it('explains a close code in plain words', () => {
    const status = deriveSyncStatus({ ...base, connected: false, synced: false, lastCloseCode: CloseCode.LINK_REVOKED });
    expect(status.detail).toMatch(/switched off/);
  });
});

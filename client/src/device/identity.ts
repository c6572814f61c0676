import { isRole, MAX_AUTHOR_LENGTH, type Role } from '@costudio/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { readStored, writeStored } from './deviceStorage.ts';

/** Who this person is on this device. No account: just a name and how they take part. */
export interface Identity {
  name: string;
  role: Role;
}

const IDENTITY_KEY = 'costudio.identity';
const JOINED_KEY = 'costudio.joinedBoards';
const CHANGE_EVENT = 'costudio:identity';

export function readIdentity(): Identity | null {
  const stored = readStored(IDENTITY_KEY);
  if (typeof stored !== 'object' || stored === null) return null;
  const { name, role } = stored as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || !isRole(role)) return null;
  return { name: name.trim().slice(0, MAX_AUTHOR_LENGTH), role };
}

function joinedBoards(): string[] {
  const stored = readStored(JOINED_KEY);
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

/** Remembers the person and that they joined this board, so the join step is asked once. */
export function saveIdentity(identity: Identity, boardId: string): void {
  writeStored(IDENTITY_KEY, { name: identity.name.trim().slice(0, MAX_AUTHOR_LENGTH), role: identity.role });
  const joined = joinedBoards().filter((id) => id !== boardId);
  writeStored(JOINED_KEY, [boardId, ...joined].slice(0, 200));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export interface BoardIdentity {
  /** Remembered identity, possibly from another board; used to prefill the join step. */
  remembered: Identity | null;
  /** The identity to use on this board, or null until the person has joined it. */
  joined: Identity | null;
  save(identity: Identity): void;
}

export function useBoardIdentity(boardId: string): BoardIdentity {
  // Snapshots must be stable between calls, so compare through a string key.
  const key = useSyncExternalStore(subscribe, () => {
    const identity = readIdentity();
    const hasJoined = joinedBoards().includes(boardId);
    return JSON.stringify({ identity, hasJoined });
  });
  const { identity, hasJoined } = JSON.parse(key) as { identity: Identity | null; hasJoined: boolean };
  const save = useCallback((next: Identity) => saveIdentity(next, boardId), [boardId]);
  return { remembered: identity, joined: hasJoined ? identity : null, save };
}

import { applyTextEdit } from '@costudio/shared';
import * as Y from 'yjs';

/** One key of an entry: a Y.Text, a (one level) Y.Map, or any other value as JSON. */
export type FieldState =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'map'; readonly json: Readonly<Record<string, unknown>> }
  | { readonly kind: 'value'; readonly value: unknown };

/**
 * An entry of a top-level map (a note, a vote) as plain values, enough to write it back. `key`
 * is a canonical string of every field but the free ones, so "did a participant change what
 * they may not" is one string comparison.
 */
export interface EntryState {
  readonly fields: ReadonlyMap<string, FieldState>;
  readonly key: string;
}

/** The state of an entry; null for anything that is not a Y.Map (absent or malformed). */
export function readEntryState(value: unknown, freeKeys: ReadonlySet<string>): EntryState | null {
  if (!(value instanceof Y.Map)) return null;
  const fields = new Map<string, FieldState>();
  for (const [name, field] of value.entries()) fields.set(name, fieldState(field));
  const compared = [...fields.entries()].filter(([name]) => !freeKeys.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { fields, key: JSON.stringify(compared) };
}

/** A plain field's value (e.g. a note's `lane`), or undefined. */
export function plainField(state: EntryState | null | undefined, name: string): unknown {
  const field = state?.fields.get(name);
  return field?.kind === 'value' ? field.value : undefined;
}

/**
 * Writes `state` back into `map[id]` with the fewest changes, leaving `freeKeys` as they are: an
 * entry that should not exist is deleted; a deleted or replaced one is written anew (free keys
 * included); otherwise only fields that differ are set, and texts get the smallest edit.
 * Runs inside the caller's transaction.
 */
export function restoreEntryState(
  map: Y.Map<unknown>,
  id: string,
  state: EntryState | null,
  freeKeys: ReadonlySet<string>,
  origin: unknown,
): void {
  const current = map.get(id);
  if (state === null) {
    if (map.has(id)) map.delete(id);
    return;
  }
  if (!(current instanceof Y.Map)) {
    const entry = new Y.Map<unknown>();
    for (const [name, field] of state.fields) entry.set(name, newValue(field));
    map.set(id, entry);
    return;
  }
  for (const name of [...current.keys()]) if (!freeKeys.has(name) && !state.fields.has(name)) current.delete(name);
  for (const [name, field] of state.fields) {
    if (freeKeys.has(name)) continue;
    const existing = current.get(name);
    if (field.kind === 'text' && existing instanceof Y.Text) applyTextEdit(existing, field.text, origin);
    else if (field.kind === 'map' && existing instanceof Y.Map) reconcileShallow(existing, field.json);
    else if (JSON.stringify(fieldState(existing)) !== JSON.stringify(field)) current.set(name, newValue(field));
  }
}

function fieldState(value: unknown): FieldState {
  if (value instanceof Y.Text) return { kind: 'text', text: value.toString() };
  if (value instanceof Y.Map) return { kind: 'map', json: value.toJSON() };
  return { kind: 'value', value: value instanceof Y.AbstractType ? value.toJSON() : value };
}

function newValue(field: FieldState): unknown {
  if (field.kind === 'text') return new Y.Text(field.text);
  if (field.kind === 'map') return new Y.Map(Object.entries(field.json));
  return field.value;
}

function reconcileShallow(target: Y.Map<unknown>, json: Readonly<Record<string, unknown>>): void {
  for (const name of [...target.keys()]) if (!(name in json)) target.delete(name);
  for (const [name, value] of Object.entries(json)) {
    const existing = target.get(name);
    const plain = existing instanceof Y.AbstractType ? existing.toJSON() : existing;
    if (existing instanceof Y.AbstractType || JSON.stringify(plain) !== JSON.stringify(value)) target.set(name, value);
  }
}

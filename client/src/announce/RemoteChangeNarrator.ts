import { getNotesMap, type Note, readNote } from '@costudio/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { currentTranslator } from '../i18n/localeChoice.ts';
import { readPresence } from '../presence/presenceState.ts';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import { type Actor, describeNoteChange } from './describeNoteChange.ts';

/** "Is writing" is said once per note in this time, not once per keystroke. */
const WRITING_QUIET_MS = 30_000;
/** One transaction touching more notes than this is read as one sentence. */
const MAX_SENTENCES_PER_CHANGE = 3;

export interface NarratorOptions {
  doc: Y.Doc;
  /** Tells who is behind a remote change (name and role), when they are on the board now. */
  awareness: Awareness | null;
  level(): AnnounceLevel;
  /** False until the first sync: loading the board is not "someone added 40 notes". */
  ready(): boolean;
  say(message: string): void;
  now?: () => number;
}

/**
 * Turns other people's changes to the notes into sentences. A change is someone else's when
 * its transaction did not start in this browser (`transaction.local` is false): this person's
 * own edits, undo and redo are never read back to them.
 */
export class RemoteChangeNarrator {
  private readonly notesMap: Y.Map<Y.Map<unknown>>;
  private readonly known = new Map<string, Note>();
  private readonly lastWriting = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: NarratorOptions) {
    this.now = options.now ?? (() => Date.now());
    this.notesMap = getNotesMap(options.doc);
    this.notesMap.forEach((value, id) => {
      const note = readNote(id, value);
      if (note) this.known.set(id, note);
    });
    this.notesMap.observeDeep(this.onEvents);
  }

  destroy(): void {
    this.notesMap.unobserveDeep(this.onEvents);
  }

  private readonly onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === this.notesMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
      } else if (typeof event.path[0] === 'string') {
        changed.add(event.path[0]);
      }
    }
    const speak = !transaction.local && this.options.ready();
    const level = this.options.level();
    const actor = speak ? this.actorOf(transaction) : { name: null, role: null };
    const sentences: string[] = [];
    for (const id of changed) {
      const before = this.known.get(id);
      const after = readNote(id, this.notesMap.get(id)) ?? undefined;
      if (after) this.known.set(id, after);
      else this.known.delete(id);
      if (!speak) continue;
      const sentence = describeNoteChange(before, after, actor, level);
      if (sentence && !this.isRepeatedWriting(id, before, after)) sentences.push(sentence);
    }
    if (sentences.length > MAX_SENTENCES_PER_CHANGE)
      this.options.say(currentTranslator().t('announce.manyChanged', { count: sentences.length }));
    else for (const sentence of sentences) this.options.say(sentence);
  };

  /** Writing is heard once per quiet spell per note; other changes always pass. */
  private isRepeatedWriting(id: string, before: Note | undefined, after: Note | undefined): boolean {
    if (!before || !after || before.text === after.text || before.lane !== after.lane || before.color !== after.color)
      return false;
    const now = this.now();
    const last = this.lastWriting.get(id);
    this.lastWriting.set(id, now);
    return last !== undefined && now - last < WRITING_QUIET_MS;
  }

  /** The person whose Yjs client wrote this transaction, if awareness knows them. */
  private actorOf(transaction: Y.Transaction): Actor {
    const states = this.options.awareness?.getStates();
    if (!states) return { name: null, role: null };
    for (const [client, clock] of transaction.afterState) {
      if (clock <= (transaction.beforeState.get(client) ?? 0)) continue;
      const presence = readPresence(states.get(client));
      if (presence) return { name: presence.name, role: presence.role };
    }
    return { name: null, role: null };
  }
}

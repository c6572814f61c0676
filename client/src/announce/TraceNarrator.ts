import {
  ANSWERS_FIELD,
  computeNoteStatuses,
  getNotesMap,
  getRepliesMap,
  isAuthoredBy,
  type NoteStatus,
  type Reply,
  readNote,
  readNotes,
  readReplies,
  roleWord,
  statusLabel,
  statusMeaning,
  type Translator,
} from '@costudio/shared';
import type * as Y from 'yjs';
import { noteLabel } from '../doc/noteLabels.ts';
import { currentTranslator } from '../i18n/localeChoice.ts';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';

export interface TraceNarratorOptions {
  doc: Y.Doc;
  /** This device's author secret: a note carrying its proof is "your note". */
  authorSecret(): string | undefined;
  level(): AnnounceLevel;
  /** False until the first sync: loading the board is not "12 new replies". */
  ready(): boolean;
  say(message: string): void;
  /** The origin of this person's writes: an anonymous reply arrives as an applied update, not a local one. */
  ownOrigin?: unknown;
  /** The listener's language, read at each announcement so a switch mid-meeting is followed. Default: this device's. */
  translator?(): Translator;
}

/**
 * Tells a person, through the live region, what came of what they said (issue 16): a reply by
 * someone else to any note, said more warmly when it is their own note, and a change of status
 * of their own notes ("Your note … is now Decided"). Their own replies and links are not read
 * back to them.
 */
export class TraceNarrator {
  private readonly replies: Y.Map<Y.Map<unknown>>;
  private readonly notes: Y.Map<Y.Map<unknown>>;
  private statuses: ReadonlyMap<string, NoteStatus>;

  constructor(private readonly options: TraceNarratorOptions) {
    this.replies = getRepliesMap(options.doc);
    this.notes = getNotesMap(options.doc);
    this.statuses = this.computeStatuses();
    options.doc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.options.doc.off('afterTransaction', this.onTransaction);
  }

  private computeStatuses(): ReadonlyMap<string, NoteStatus> {
    return computeNoteStatuses(readNotes(this.options.doc), readReplies(this.options.doc));
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (!this.touchesTrace(transaction)) return;
    const before = this.statuses;
    this.statuses = this.computeStatuses();
    const level = this.options.level();
    const own = transaction.local || (this.options.ownOrigin !== undefined && transaction.origin === this.options.ownOrigin);
    if (own || !this.options.ready() || level === 'none') return;
    const t = (this.options.translator ?? currentTranslator)();
    const sentences: string[] = [];
    const added = transaction.changed.get(this.replies as never);
    if (added) {
      const byId = new Map(readReplies(this.options.doc).map((reply) => [reply.id, reply]));
      for (const key of added) {
        const reply = key === null ? undefined : byId.get(key);
        if (reply) sentences.push(this.describeReply(reply, level, t));
      }
    }
    for (const [id, status] of this.statuses) {
      const was = before.get(id);
      if (was === undefined || was === status || !this.isOwn(id)) continue;
      const note = readNote(id, this.notes.get(id));
      if (note) {
        sentences.push(
          t.t('trace.say.statusChanged', {
            note: noteLabel(note.text, 60, t),
            status: statusLabel(t, status),
            meaning: statusMeaning(t, status),
          }),
        );
      }
    }
    for (const sentence of sentences) this.options.say(sentence);
  };

  private describeReply(reply: Reply, level: AnnounceLevel, t: Translator): string {
    const who =
      !reply.anonymous && reply.author !== '' && level === 'more'
        ? t.t('trace.say.named', { name: reply.author, role: roleWord(t, reply.authorRole, 'labelLower') })
        : roleWord(t, reply.authorRole, 'anonymousName');
    const note = readNote(reply.noteId, this.notes.get(reply.noteId));
    if (!note) return t.t('trace.say.replyToGone', { who });
    const label = noteLabel(note.text, 60, t);
    if (this.isOwn(note.id)) return t.t('trace.say.replyToYours', { who, note: label, reply: noteLabel(reply.text, 140, t) });
    return t.t('trace.say.replyToNote', { who, note: label });
  }

  private isOwn(noteId: string): boolean {
    const secret = this.options.authorSecret();
    return secret !== undefined && isAuthoredBy(this.notes.get(noteId), noteId, secret);
  }

  /** A reply, a note added or removed, or a link made or taken back. */
  private touchesTrace(transaction: Y.Transaction): boolean {
    for (const type of transaction.changed.keys()) {
      const changed: unknown = type;
      if (changed === this.replies || changed === this.notes) return true;
      if (type._item?.parentSub === ANSWERS_FIELD) return true;
      if (type._item?.parent === this.notes && transaction.changed.get(type)?.has('lane')) return true;
    }
    return false;
  }
}

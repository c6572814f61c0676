import type * as Y from 'yjs';
import { laneTitle } from '../i18n/boardWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { readMeta } from '../schema/meta.ts';
import { readNotes } from '../schema/note.ts';
import { getParticipantsMap, readParticipant } from '../schema/participant.ts';
import { compareReplies, getRepliesMap, type Reply, readReply } from '../schema/reply.ts';
import { readVotes } from '../schema/vote.ts';
import { escapeMarkdown } from './markdownEscape.ts';

/** Whose data: the name their notes carry, and/or their participant pseudonym (their dots). */
export interface SubjectAccessRequest {
  readonly author?: string;
  readonly participantId?: string;
}

/**
 * Everything one person wrote or voted on a board (issue 15, subject access, docs/privacy.md):
 * their named notes and replies, their dots (with the note id and lane they are on, not others' words), and
 * their participant entry. Anonymous notes are tied to nobody and so never listed.
 */
export interface SubjectAccessRecord {
  readonly boardTitle: string;
  readonly author: string | null;
  readonly participantId: string | null;
  readonly notes: readonly { id: string; lane: string; text: string; createdAt: string }[];
  /** Replies posted under the name; anonymous ones are tied to nobody and never listed. */
  readonly replies: readonly { id: string; noteId: string; text: string; createdAt: string }[];
  readonly dots: readonly { voteTitle: string; noteId: string; lane: string | null; placedAt: string }[];
  readonly participant: { role: string; joinedAt: string; lastSeenAt: string } | null;
}

const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');

/** Collects the record; lane titles are in `t`'s language (English unless asked otherwise). */
export function collectSubjectAccess(doc: Y.Doc, request: SubjectAccessRequest, t: Translator = ENGLISH): SubjectAccessRecord {
  const author = request.author?.trim() || null;
  const participantId = request.participantId || null;
  const notes = readNotes(doc);
  const laneOf = new Map(notes.map((note) => [note.id, laneTitle(t, note.lane)]));
  const participant = participantId ? readParticipant(participantId, getParticipantsMap(doc).get(participantId)) : null;
  return {
    boardTitle: readMeta(doc).title,
    author,
    participantId,
    notes: author
      ? notes
          .filter((note) => !note.anonymous && note.author.trim() === author)
          .map((note) => ({ id: note.id, lane: laneTitle(t, note.lane), text: note.text, createdAt: iso(note.createdAt) }))
      : [],
    // Every reply held, including those on deleted notes that no board view shows any more.
    replies: author
      ? [...getRepliesMap(doc).entries()]
          .map(([id, value]) => readReply(id, value))
          .filter((reply): reply is Reply => reply !== null && !reply.anonymous && reply.author.trim() === author)
          .sort(compareReplies)
          .map((reply) => ({ id: reply.id, noteId: reply.noteId, text: reply.text, createdAt: iso(reply.createdAt) }))
      : [],
    dots: participantId
      ? readVotes(doc).flatMap((vote) =>
          vote.dots
            .filter((dot) => dot.voter === participantId)
            .map((dot) => ({
              voteTitle: vote.title,
              noteId: dot.noteId,
              lane: laneOf.get(dot.noteId) ?? null,
              placedAt: iso(dot.placedAt),
            })),
        )
      : [],
    participant: participant
      ? { role: participant.role, joinedAt: iso(participant.joinedAt), lastSeenAt: iso(participant.lastSeenAt) }
      : null,
  };
}

/** The record as a page a person can read, in `t`'s language. */
export function renderSubjectAccessMarkdown(record: SubjectAccessRecord, t: Translator = ENGLISH): string {
  const day = (iso: string) => iso.slice(0, 10);
  const dayOrUnknown = (iso: string) => day(iso) || t.t('subjectAccess.dateUnknown');
  const count = (items: readonly unknown[]) => String(items.length);
  const none = t.t('subjectAccess.none');
  const lines = [`# ${t.t('subjectAccess.title', { board: escapeMarkdown(record.boardTitle) })}`, ''];
  if (record.author) lines.push(t.t('subjectAccess.authorIntro', { author: escapeMarkdown(record.author) }), '');
  lines.push(`## ${t.t('subjectAccess.notes', { count: count(record.notes) })}`, '');
  for (const note of record.notes) {
    lines.push(
      `- ${t.t('subjectAccess.noteLine', { lane: note.lane, date: dayOrUnknown(note.createdAt), text: escapeMarkdown(note.text) })}`,
    );
  }
  if (record.notes.length === 0) lines.push(none);
  lines.push('', `## ${t.t('subjectAccess.replies', { count: count(record.replies) })}`, '');
  for (const reply of record.replies) {
    const values = { date: dayOrUnknown(reply.createdAt), noteId: reply.noteId, text: escapeMarkdown(reply.text) };
    lines.push(`- ${t.t('subjectAccess.replyLine', values)}`);
  }
  if (record.replies.length === 0) lines.push(none);
  lines.push('', `## ${t.t('subjectAccess.dots', { count: count(record.dots) })}`, '');
  for (const dot of record.dots) {
    const values = {
      vote: escapeMarkdown(dot.voteTitle || t.t('subjectAccess.untitledVote')),
      noteId: dot.noteId,
      date: day(dot.placedAt),
    };
    lines.push(
      `- ${dot.lane ? t.t('subjectAccess.dotLineInLane', { ...values, lane: dot.lane }) : t.t('subjectAccess.dotLine', values)}`,
    );
  }
  if (record.dots.length === 0) lines.push(none);
  lines.push('', `## ${t.t('subjectAccess.takingPart')}`, '');
  const participant = record.participant;
  lines.push(
    participant
      ? t.t('subjectAccess.participant', {
          role: participant.role,
          joined: day(participant.joinedAt),
          lastSeen: day(participant.lastSeenAt),
        })
      : t.t('subjectAccess.noParticipant'),
  );
  return `${lines.join('\n')}\n`;
}

import type * as Y from 'yjs';
import { laneTitle } from '../i18n/boardWords.ts';
import { ENGLISH } from '../i18n/translator.ts';
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

export function collectSubjectAccess(doc: Y.Doc, request: SubjectAccessRequest): SubjectAccessRecord {
  const author = request.author?.trim() || null;
  const participantId = request.participantId || null;
  const notes = readNotes(doc);
  const laneOf = new Map(notes.map((note) => [note.id, laneTitle(ENGLISH, note.lane)]));
  const participant = participantId ? readParticipant(participantId, getParticipantsMap(doc).get(participantId)) : null;
  return {
    boardTitle: readMeta(doc).title,
    author,
    participantId,
    notes: author
      ? notes
          .filter((note) => !note.anonymous && note.author.trim() === author)
          .map((note) => ({ id: note.id, lane: laneTitle(ENGLISH, note.lane), text: note.text, createdAt: iso(note.createdAt) }))
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

/** The record as a page a person can read. */
export function renderSubjectAccessMarkdown(record: SubjectAccessRecord): string {
  const lines = [`# What we hold about you on “${escapeMarkdown(record.boardTitle)}”`, ''];
  if (record.author)
    lines.push(
      `Notes and replies posted under the name **${escapeMarkdown(record.author)}**. Anonymous ones are not linked to anyone, so they are not listed.`,
      '',
    );
  lines.push(`## Your notes (${record.notes.length})`, '');
  for (const note of record.notes)
    lines.push(`- ${note.lane}, ${note.createdAt.slice(0, 10) || 'date unknown'}: ${escapeMarkdown(note.text)}`);
  if (record.notes.length === 0) lines.push('None.');
  lines.push('', `## Your replies (${record.replies.length})`, '');
  for (const reply of record.replies)
    lines.push(`- ${reply.createdAt.slice(0, 10) || 'date unknown'}, on note ${reply.noteId}: ${escapeMarkdown(reply.text)}`);
  if (record.replies.length === 0) lines.push('None.');
  lines.push('', `## Your dots (${record.dots.length})`, '');
  for (const dot of record.dots) {
    lines.push(
      `- ${escapeMarkdown(dot.voteTitle || 'Vote')}: on note ${dot.noteId}${dot.lane ? ` (${dot.lane})` : ''}, ${dot.placedAt.slice(0, 10)}`,
    );
  }
  if (record.dots.length === 0) lines.push('None.');
  lines.push('', '## Taking part', '');
  lines.push(
    record.participant
      ? `Role: ${record.participant.role}. Joined ${record.participant.joinedAt.slice(0, 10)}; last seen ${record.participant.lastSeenAt.slice(0, 10)}.`
      : 'No participant record.',
  );
  return `${lines.join('\n')}\n`;
}

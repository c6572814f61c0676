import { addReply, applyTextEdit, createNote, getNoteText, linkNotes } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotesStore } from '../doc/NotesStore.ts';
import { TraceStore } from './TraceStore.ts';

/** Lets the store's queued recompute (after a note change) run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('TraceStore', () => {
  it('follows replies and links into statuses and counts', async () => {
    const doc = new Y.Doc();
    const notes = new NotesStore(doc);
    const trace = new TraceStore(doc, notes);
    trace.start();
    const said = createNote(doc, { lane: 'define', author: 'Lee', authorRole: 'lay', text: 'Letters' });
    await settle();
    expect(trace.summary(said)).toEqual({ status: 'said', replies: 0, links: 0 });

    addReply(doc, { noteId: said, text: 'Thanks', author: 'Pat', authorRole: 'practitioner', anonymous: false });
    expect(trace.summary(said)).toEqual({ status: 'answered', replies: 1, links: 0 });

    const decision = createNote(doc, { lane: 'decide', author: 'Pat', authorRole: 'practitioner', text: 'Texts' });
    await settle();
    expect(trace.summary(said).status).toBe('answered');
    // A link alone, made later, is seen.
    linkNotes(doc, decision, said);
    await settle();
    expect(trace.summary(said)).toEqual({ status: 'decided', replies: 1, links: 1 });
    expect(trace.summary(decision)).toEqual({ status: 'decided', replies: 0, links: 1 });
    expect(trace.answeredByOf(said)).toEqual([decision]);
    trace.stop();
  });

  it('does not recompute while people type', async () => {
    const doc = new Y.Doc();
    const notes = new NotesStore(doc);
    const trace = new TraceStore(doc, notes);
    trace.start();
    const id = createNote(doc, { lane: 'define', author: 'Lee', authorRole: 'lay', text: 'Letters' });
    await settle();
    const before = trace.getSnapshot();
    let told = 0;
    trace.subscribe(() => told++);
    const text = getNoteText(doc, id);
    if (text) applyTextEdit(text, 'Letters arrive late');
    await settle();
    expect(told).toBe(0);
    expect(trace.getSnapshot()).toBe(before);
    trace.stop();
  });
});

import { createNote, type FirstView } from '@costudio/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { NotesStore } from '../doc/NotesStore.ts';
import { connectAfterFirstView } from './connectAfterFirstView.ts';

/** A first view of one note, as the server would send it. */
function firstViewOfOne(): FirstView {
  const server = new Y.Doc();
  const id = createNote(server, { lane: 'define', author: 'Ann', authorRole: 'lay', text: 'First' });
  const store = new NotesStore(server);
  const note = store.getNote(id);
  store.destroy();
  if (!note) throw new Error('no note');
  return { notes: [note], noteCount: 1 };
}

const paintNow = (run: () => void) => {
  run();
  return () => {};
};

describe('connectAfterFirstView', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first view and connects only once a view has painted it', async () => {
    const notes = new NotesStore(new Y.Doc());
    const connect = vi.fn();
    connectAfterFirstView(Promise.resolve(firstViewOfOne()), notes, connect, { afterPaint: paintNow });
    await vi.advanceTimersByTimeAsync(0);
    expect(notes.showsFirstView).toBe(true);
    expect(connect).not.toHaveBeenCalled();
    notes.firstViewDrawn();
    expect(connect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('connects at once when there is no first view, or an empty one', async () => {
    for (const view of [null, { notes: [], noteCount: 0 }]) {
      const connect = vi.fn();
      connectAfterFirstView(Promise.resolve(view), new NotesStore(new Y.Doc()), connect);
      await vi.advanceTimersByTimeAsync(0);
      expect(connect).toHaveBeenCalledTimes(1);
    }
  });

  it('connects after the longest wait when the first view is slow or never painted, and then ignores it', async () => {
    let answer: (view: FirstView) => void = () => {};
    const slow = new Promise<FirstView>((resolve) => {
      answer = resolve;
    });
    const notes = new NotesStore(new Y.Doc());
    const connect = vi.fn();
    connectAfterFirstView(slow, notes, connect, { maxWaitMs: 500 });
    await vi.advanceTimersByTimeAsync(499);
    expect(connect).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(connect).toHaveBeenCalledTimes(1);
    answer(firstViewOfOne());
    await vi.advanceTimersByTimeAsync(0);
    // The document is already on its way: a late first view would only flicker.
    expect(notes.showsFirstView).toBe(false);
  });

  it('does nothing once cancelled (the board was closed)', async () => {
    const notes = new NotesStore(new Y.Doc());
    const connect = vi.fn();
    const cancel = connectAfterFirstView(Promise.resolve(firstViewOfOne()), notes, connect, { afterPaint: paintNow });
    await vi.advanceTimersByTimeAsync(0);
    cancel();
    notes.firstViewDrawn();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(connect).not.toHaveBeenCalled();
  });

  it('shows a first view that is already in at once, before any promise settles', async () => {
    const notes = new NotesStore(new Y.Doc());
    const connect = vi.fn();
    connectAfterFirstView(firstViewOfOne(), notes, connect, { afterPaint: paintNow });
    expect(notes.showsFirstView).toBe(true);
    notes.firstViewDrawn();
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('connects at once when the answer already in is no first view', () => {
    const connect = vi.fn();
    connectAfterFirstView(null, new NotesStore(new Y.Doc()), connect);
    expect(connect).toHaveBeenCalledTimes(1);
  });
});

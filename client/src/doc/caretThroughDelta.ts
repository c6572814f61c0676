/** A Yjs text delta (what Y.YTextEvent.delta holds), as far as caret maths needs it. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where a caret at `index` ends up after a remote change: text inserted before it pushes it
 * right, text deleted before it pulls it left, so the person keeps typing where they were.
 */
export function caretThroughDelta(index: number, delta: TextDelta): number {
  let position = 0;
  let caret = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (typeof op.insert === 'string') {
      if (position < caret) caret += op.insert.length;
      position += op.insert.length;
    } else if (op.delete !== undefined) {
      if (position < caret) caret -= Math.min(op.delete, caret - position);
    }
  }
  return caret;
}

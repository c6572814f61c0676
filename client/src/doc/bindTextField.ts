import type * as Y from 'yjs';
import { caretThroughDelta, type TextDelta } from './caretThroughDelta.ts';

/**
 * Two-way binding between a plain text field and a note's Y.Text. Local typing goes through
 * `write` (the shared applyTextEdit, as a minimal diff); remote changes replace the field's
 * value while moving the caret through the change, so typing together never jumps the caret.
 */
export function bindTextField(
  field: HTMLTextAreaElement | HTMLInputElement,
  text: Y.Text,
  write: (next: string) => void,
): () => void {
  field.value = text.toString();
  const onInput = () => write(field.value);
  const onRemote = (event: Y.YTextEvent) => {
    const next = text.toString();
    if (field.value === next) return;
    const focused = document.activeElement === field;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    const delta = event.delta as TextDelta;
    field.value = next;
    if (focused) field.setSelectionRange(caretThroughDelta(start, delta), caretThroughDelta(end, delta));
  };
  field.addEventListener('input', onInput);
  text.observe(onRemote);
  return () => {
    field.removeEventListener('input', onInput);
    text.unobserve(onRemote);
  };
}

/**
 * Code that runs inside the page, kept as JavaScript source text for the reason given in
 * canvas/pageProbes.ts (tsx's helpers do not exist in the page).
 */

/**
 * Init script: for every keystroke, records into window.__benchKeys the time from the keydown
 * event (its timeStamp, the moment the browser took the key) until
 * - `frame`: the first animation-frame callback after the input event, i.e. once the character
 *   is in the field and all the work the app does for it synchronously (the Yjs write, the
 *   stores, React's render and commit) has run — the next frame can start;
 * - `painted`: a task posted from that callback, which runs after the frame's style, layout and
 *   paint — when the character can be on the screen.
 */
export const RECORD_KEYSTROKES = `(() => {
  const samples = [];
  window.__benchKeys = samples;
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    const onInput = () => {
      removeEventListener('input', onInput, true);
      requestAnimationFrame(() => {
        const frame = performance.now() - start;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => samples.push({ frame, painted: performance.now() - start });
        channel.port2.postMessage(null);
      });
    };
    addEventListener('input', onInput, true);
  }, true);
})();`;

/** An expression that resolves once `count` keystrokes have been recorded. */
export function keystrokesRecorded(count: number): string {
  return `new Promise((resolve) => {
    const check = () => (window.__benchKeys.length >= ${Math.floor(count)} ? resolve(true) : setTimeout(check, 5));
    check();
  })`;
}

/** An expression for the recorded samples. */
export const KEYSTROKE_SAMPLES = 'window.__benchKeys';

/** An expression: how many note fields the lane list shows. */
export const LIST_NOTE_COUNT = `document.querySelectorAll('textarea.lane-note__text').length`;

/** An expression that puts the caret at the end of the focused field. */
export const CARET_TO_END = `(() => {
  const field = document.activeElement;
  field.setSelectionRange(field.value.length, field.value.length);
  return field.value.length;
})()`;

/**
 * Escapes untrusted text (note text, names, titles) for HTML text and double-quoted attribute
 * values, so a note cannot add markup or script to a printed report. Control characters other
 * than tab and newline are dropped: never meaningful in a note, sometimes hostile.
 */
export function escapeHtml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

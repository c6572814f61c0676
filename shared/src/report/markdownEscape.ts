/**
 * Escaping for untrusted text (note text, names, titles) placed in a Markdown report, so a note
 * cannot add headings, links, images, emphasis, HTML or table columns to the write-up.
 * Based on CommonMark + GitHub Flavored Markdown: any ASCII punctuation may be backslash-escaped,
 * and HTML-significant characters are written as entities, which also hold inside HTML blocks.
 */

// C0 controls except tab and newline, and DEL: never meaningful in a note, sometimes hostile.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// Characters that start or end inline syntax anywhere on a line: code, emphasis, strikethrough,
// links and images, table cells, headings. Backslash itself first of all.
const INLINE_SYNTAX = /[\\`*_~[\]|#]/g;

/** Escapes text for inline use (a paragraph, heading or list item); line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLines(text).join(' ');
}

/**
 * Escapes text for one GitHub table cell: like escapeMarkdown, but line breaks become `<br>`
 * (the only way to break a line inside a cell) and an empty cell stays visibly empty.
 */
export function markdownCell(text: string): string {
  const lines = escapeLines(text).map((line) => line.trim());
  return lines.join('<br>');
}

function escapeLines(text: string): string[] {
  return text
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => escapeLine(line));
}

function escapeLine(line: string): string {
  // Leading spaces would make an indented code block; they carry no meaning in a note.
  const escaped = line
    .trimStart()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_SYNTAX, (char) => `\\${char}`)
    // GFM turns bare URLs into links; a report of untrusted text should not.
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`)
    // …and bare e-mail addresses (also after mailto: or xmpp:) into mailto: links, which would
    // put a participant's address one click from an e-mail in a report sent round.
    .replace(/@/g, '\\@');
  // Block syntax that only counts at the start of a line: list items ("- ", "+ ", "1. ", "1) "),
  // thematic breaks and setext underlines ("---", "===").
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownCell } from './markdownEscape.ts';

describe('escapeMarkdown', () => {
  it.each([
    {
      name: 'plain text is left readable',
      input: 'Keep the clinic open late, e.g. until 8.',
      output: 'Keep the clinic open late, e.g. until 8.',
    },
    { name: 'emphasis', input: '*bold* and _it_', output: '\\*bold\\* and \\_it\\_' },
    { name: 'code and strikethrough', input: '`rm -rf` ~~gone~~', output: '\\`rm -rf\\` \\~\\~gone\\~\\~' },
    {
      name: 'links and images',
      input: '![x](http://evil) [click](javascript:alert(1))',
      output: '!\\[x\\](http\\://evil) \\[click\\](javascript:alert(1))',
    },
    {
      name: 'raw HTML',
      input: '<script>alert(1)</script><img src=x onerror=y>',
      output: '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=y&gt;',
    },
    { name: 'entities stay literal', input: 'Tom &amp; Jerry', output: 'Tom &amp;amp; Jerry' },
    { name: 'heading', input: '# Big', output: '\\# Big' },
    { name: 'blockquote', input: '> quoted', output: '&gt; quoted' },
    { name: 'table pipe', input: 'a | b', output: 'a \\| b' },
    { name: 'bullet list marker', input: '- item', output: '\\- item' },
    { name: 'plus list marker', input: '+ item', output: '\\+ item' },
    { name: 'ordered list marker', input: '12. item', output: '12\\. item' },
    { name: 'ordered list with paren', input: '3) item', output: '3\\) item' },
    { name: 'thematic break', input: '---', output: '\\---' },
    { name: 'setext underline', input: '===', output: '\\===' },
    { name: 'indented code', input: '    code', output: 'code' },
    { name: 'backslash', input: 'a\\*b', output: 'a\\\\\\*b' },
    {
      name: 'bare links',
      input: 'see https://evil.example and www.evil.example',
      output: 'see https\\://evil.example and www\\.evil.example',
    },
    {
      name: 'bare e-mail addresses',
      input: 'write to jo.bloggs@example.nhs.uk or mailto:jo@example.org',
      output: 'write to jo.bloggs\\@example.nhs.uk or mailto:jo\\@example.org',
    },
    { name: 'newlines become spaces, each line escaped', input: 'one\n- two\r\n# three', output: 'one \\- two \\# three' },
    { name: 'control characters removed', input: 'a\u0000b\u001bc\u007fd', output: 'abcd' },
    { name: 'hyphen inside a word is untouched', input: 'well-known', output: 'well-known' },
  ])('$name', ({ input, output }) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('markdownCell', () => {
  it('keeps line breaks as <br> and escapes each line', () => {
    expect(markdownCell('first | line\n- second\n\n<b>third</b>')).toBe(
      'first \\| line<br>\\- second<br><br>&lt;b&gt;third&lt;/b&gt;',
    );
  });

  it('cannot close the row or add columns', () => {
    const cell = markdownCell('x |\n| --- |\n| injected |');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toContain('\n');
  });
});

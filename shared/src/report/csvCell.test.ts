import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csvCell.ts';

describe('csvCell', () => {
  it.each([
    { name: 'plain text is quoted', input: 'Keep it', output: '"Keep it"' },
    { name: 'formula', input: '=HYPERLINK("http://evil","click")', output: '"\'=HYPERLINK(""http://evil"",""click"")"' },
    { name: 'plus', input: '+1+2', output: '"\'+1+2"' },
    { name: 'minus', input: "-2+3+cmd|' /C calc'!A0", output: "\"'-2+3+cmd|' /C calc'!A0\"" },
    { name: 'at sign', input: '@SUM(A1)', output: '"\'@SUM(A1)"' },
    { name: 'tab first', input: '\t=1', output: '"\'\t=1"' },
    { name: 'carriage return first', input: '\r=1', output: '"\'\r=1"' },
    { name: 'formula after spaces', input: '   =1+1', output: '"\'   =1+1"' },
    { name: 'equals later is fine', input: 'a = b', output: '"a = b"' },
    { name: 'quotes doubled', input: 'say "hi"', output: '"say ""hi"""' },
    { name: 'comma and newline kept inside quotes', input: 'a,b\nc', output: '"a,b\nc"' },
    { name: 'NUL removed', input: 'a\u0000b', output: '"ab"' },
    { name: 'empty string', input: '', output: '""' },
  ])('$name', ({ input, output }) => {
    expect(csvCell(input)).toBe(output);
  });

  it.each([
    { input: 42, output: '42' },
    { input: -67, output: '-67' },
    { input: Number.NaN, output: '' },
    { input: null, output: '' },
  ])('writes our own value $input as $output', ({ input, output }) => {
    expect(csvCell(input)).toBe(output);
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('"a",1,\r\n');
  });
});

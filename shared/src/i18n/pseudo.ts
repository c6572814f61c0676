/**
 * Pseudo-locales made from the English catalog. Only literal text changes: ICU arguments
 * (`{name}`), plural and select keys and `#` are kept, so every message still formats.
 * In ICU syntax text sits at an even brace depth (0: the message, 2: a plural branch …).
 */
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ó',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  Y: 'Ý',
};

function mapText(message: string, mapSegment: (text: string) => string): string {
  let depth = 0;
  let out = '';
  let segment = '';
  const flush = () => {
    if (segment !== '') out += mapSegment(segment);
    segment = '';
  };
  for (const char of message) {
    if (char === '{' || char === '}') {
      if (depth % 2 === 0) flush();
      depth += char === '{' ? 1 : -1;
      out += char;
    } else if (depth % 2 === 0 && char !== '#') segment += char;
    else {
      if (depth % 2 === 0) flush();
      out += char;
    }
  }
  flush();
  return out;
}

/** About 40 % longer, accented, so untranslated or cut-off text stands out. */
export function pseudoLong(message: string): string {
  return mapText(message, (text) => {
    if (text.trim() === '') return text;
    const accented = [...text].map((char) => ACCENTED[char] ?? char).join('');
    // Padding in short words, as a translation adds words: a line may still break between them.
    const extra = Math.max(1, Math.ceil(text.length * 0.4) - 3);
    const padding = '~~~~ '
      .repeat(Math.ceil(extra / 5))
      .slice(0, extra)
      .trimEnd();
    return `⟦${accented} ${padding}⟧`;
  });
}

/** Each text run forced right to left, so an unmirrored layout shows at once. */
export function pseudoBidi(message: string): string {
  return mapText(message, (text) => (text.trim() === '' ? text : `\u202e${text}\u202c`));
}

export function pseudoCatalog<K extends string>(
  catalog: Readonly<Record<K, string>>,
  transform: (message: string) => string,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(catalog) as K[]) out[key] = transform(catalog[key]);
  return out;
}

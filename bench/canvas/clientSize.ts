import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ClientSize {
  /** Scripts the page loads before anything else: entry modules and modulepreloads of index.html. */
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  totalBytes: number;
  totalGzipBytes: number;
}

/**
 * The initial JavaScript of the built client, gzip'ed at level 9 as a server would send it.
 * Chunks loaded later with dynamic import() are not initial and not counted.
 */
export function measureClientSize(distDir: string): ClientSize {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1] as string);
  const files = [...new Set(sources)].map((source) => {
    const content = readFileSync(path.join(distDir, source.replace(/^\//, '')));
    return { file: source, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
  });
  return {
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

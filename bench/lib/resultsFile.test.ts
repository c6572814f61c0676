import { describe, expect, it } from 'vitest';
import { replaceSection } from './resultsFile.ts';

describe('replaceSection', () => {
  it('replaces only the marked block and keeps the hand-written text around it', () => {
    const document = '# Benchmark results\n\n<!-- relay:begin -->\nold\n<!-- relay:end -->\n\n## Analysis\nwhy\n';
    const updated = replaceSection(document, 'relay', 'new table');
    expect(updated).toBe('# Benchmark results\n\n<!-- relay:begin -->\nnew table\n<!-- relay:end -->\n\n## Analysis\nwhy\n');
  });

  it('adds a missing block below the title without touching the other sections', () => {
    const document = '# Benchmark results\n<!-- relay:begin -->\nx\n<!-- relay:end -->\n';
    const updated = replaceSection(document, 'canvas', 'frames');
    expect(updated).toContain('<!-- relay:begin -->\nx\n<!-- relay:end -->');
    expect(updated).toContain('<!-- canvas:begin -->\nframes\n<!-- canvas:end -->');
    expect(updated.startsWith('# Benchmark results\n')).toBe(true);
  });

  it('creates the document when it is empty', () => {
    expect(replaceSection('', 'relay', 'table')).toBe('# Benchmark results\n\n<!-- relay:begin -->\ntable\n<!-- relay:end -->\n');
  });
});

import { describe, expect, it } from 'vitest';
import { hotFunctions } from './profileSummary.ts';

describe('hotFunctions', () => {
  it('sums self time per function from samples and time deltas, largest first', () => {
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///srv/relay.js', lineNumber });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', 0), children: [2, 3] },
        { id: 2, callFrame: frame('persist', 9) },
        { id: 3, callFrame: frame('broadcast', 19) },
      ],
      samples: [2, 3, 2, 2],
      timeDeltas: [1000, 1000, 1000, 1000],
    };
    const hot = hotFunctions(profile);
    expect(hot[0]).toEqual({ name: 'persist relay.js:10', selfMs: 3, share: 0.75 });
    expect(hot[1]?.name).toBe('broadcast relay.js:20');
  });
});

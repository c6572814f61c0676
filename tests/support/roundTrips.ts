import type { BoardClient } from './boardClient.ts';
import { withTimeout } from './waitFor.ts';

/**
 * Measures sync round trips between two clients of one board: `from` writes a key, and the
 * clock stops when `to` receives it. Repeats until `until` says stop (checked between trips)
 * and returns every trip's duration in milliseconds. Trips start at most every `paceMs`, as a
 * person types: back to back they would be a flood of their own, which the relay closes.
 */
export async function roundTripsWhile(from: BoardClient, to: BoardClient, until: () => boolean, paceMs = 20): Promise<number[]> {
  const trips: number[] = [];
  const probes = from.doc.getMap<number>('roundTripProbe');
  const seen = to.doc.getMap<number>('roundTripProbe');
  for (let i = 0; !until(); i++) {
    const arrived = new Promise<void>((resolve) => {
      const check = () => {
        if (seen.get('n') !== i) return;
        seen.unobserve(check);
        resolve();
      };
      seen.observe(check);
    });
    const started = performance.now();
    probes.set('n', i);
    await withTimeout(arrived, 10_000, `round trip ${i}`);
    const took = performance.now() - started;
    trips.push(took);
    if (took < paceMs) await new Promise((resolve) => setTimeout(resolve, paceMs - took));
  }
  return trips;
}

import { startTransition, useEffect, useState } from 'react';
import { whenIdle } from '../device/whenIdle.ts';

/**
 * False until `ready` has been true through one paint and the browser is idle, then true for
 * good. The canvas draws only the notes in view until then, and the margin around the view
 * after: a board of 10,000 notes shows its first picture for about a quarter of the work
 * (issue 12), and panning is as smooth as before once the margin is there.
 */
export function useWarmAfter(ready: boolean): boolean {
  const [warm, setWarm] = useState(false);
  useEffect(() => {
    if (!ready || warm) return;
    return whenIdle(() => startTransition(() => setWarm(true)), 1_000);
  }, [ready, warm]);
  return warm;
}

import { BACK_OFF_CLOSE_CODES } from '@costudio/shared';
import type { WebsocketProvider } from 'y-websocket';

export interface BackoffTiming {
  /** Wait after the first trouble close; doubles with each one after. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** A connection that stays up this long ends the series: the next trouble starts at `baseMs`. */
  readonly healthyMs: number;
  /** 0 ≤ random() < 1; the wait is drawn from [½, 1] of the step ("equal jitter"). */
  readonly random: () => number;
}

const DEFAULT_TIMING: BackoffTiming = { baseMs: 1_000, maxMs: 60_000, healthyMs: 10_000, random: Math.random };

/**
 * When the relay closes with a code from BACK_OFF_CLOSE_CODES (storage full, over budget…), the
 * stock provider would reconnect within 200 ms and resend its whole state, about four times a
 * second for as long as the trouble lasts, in step with every other client. Instead this waits
 * 1 s, 2 s, 4 s… up to a minute, each wait drawn at random from its upper half so clients
 * spread out, and reconnects then. (It also brings back 4429, which the stock provider treats as
 * final.) Returns a function that stops it.
 */
export function backOffOnServerTrouble(provider: WebsocketProvider, timing: BackoffTiming = DEFAULT_TIMING): () => void {
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let healthy: ReturnType<typeof setTimeout> | null = null;
  const onClose = (event: CloseEvent | null) => {
    if (healthy) clearTimeout(healthy);
    healthy = null;
    if (!event || !BACK_OFF_CLOSE_CODES.has(event.code)) return;
    // The provider checks this before the reconnect it has just scheduled, which then does nothing.
    provider.shouldConnect = false;
    const step = Math.min(timing.maxMs, timing.baseMs * 2 ** failures);
    failures++;
    if (retry) clearTimeout(retry);
    retry = setTimeout(
      () => {
        retry = null;
        // A board left meanwhile destroys its doc (and provider): nothing to come back to.
        if (!provider.doc.isDestroyed) provider.connect();
      },
      step / 2 + (timing.random() * step) / 2,
    );
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected' || failures === 0) return;
    if (healthy) clearTimeout(healthy);
    healthy = setTimeout(() => {
      failures = 0;
    }, timing.healthyMs);
  };
  provider.on('connection-close', onClose);
  provider.on('status', onStatus);
  provider.doc.once('destroy', () => stop());
  const stop = () => {
    provider.off('connection-close', onClose);
    provider.off('status', onStatus);
    if (retry) clearTimeout(retry);
    if (healthy) clearTimeout(healthy);
  };
  return stop;
}

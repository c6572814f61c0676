import { currentTranslator } from '../i18n/localeChoice.ts';

/** What the live region shows now; `seq` changes with every announcement, even a repeated one. */
export interface Announcement {
  text: string;
  seq: number;
}

/** More than this many messages waiting are read as one summary, not one after another. */
const MAX_SPOKEN_TOGETHER = 3;

/**
 * A polite, throttled voice for the board. Messages said within one interval are spoken
 * together (or summed up when there are many), so a busy meeting does not drown a screen
 * reader user in speech; the first message after a quiet spell is spoken at once.
 */
export class Announcer {
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSpokenAt = Number.NEGATIVE_INFINITY;
  private current: Announcement = { text: '', seq: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(
    private intervalMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  setInterval(intervalMs: number): void {
    this.intervalMs = intervalMs;
  }

  say(message: string): void {
    this.pending.push(message);
    if (this.timer) return;
    const wait = Math.max(0, this.lastSpokenAt + this.intervalMs - this.now());
    this.timer = setTimeout(this.flush, wait);
  }

  getSnapshot = (): Announcement => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    this.listeners.clear();
  }

  private readonly flush = (): void => {
    this.timer = null;
    if (this.pending.length === 0) return;
    const text = combineMessages(this.pending);
    this.pending = [];
    this.lastSpokenAt = this.now();
    // A repeated sentence would not be heard again if the region's text stayed the same.
    const spoken = text === this.current.text ? `${text}\u00a0` : text;
    this.current = { text: spoken, seq: this.current.seq + 1 };
    for (const listener of this.listeners) listener();
  };
}

export function combineMessages(messages: readonly string[]): string {
  if (messages.length <= MAX_SPOKEN_TOGETHER) return messages.join(' ');
  return currentTranslator().t('announce.combined', { count: messages.length, latest: messages[messages.length - 1] ?? '' });
}

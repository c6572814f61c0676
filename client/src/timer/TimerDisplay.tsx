import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useT } from '../i18n/useT.ts';
import { formatRemaining, pauseTimer, readTimer, remainingMs, resetTimer, startTimer } from './timerState.ts';

const DEFAULT_MINUTES = 5;

/** The shared countdown; the facilitator also gets start, pause and reset. */
export function TimerDisplay({ map, canControl, large = false }: { map: Y.Map<unknown>; canControl: boolean; large?: boolean }) {
  const t = useT();
  const timer = readTimer(map);
  // Only re-renders the clock; the time itself is read from Date.now() on each render.
  const [, setTick] = useState(0);
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const running = timer?.endsAt != null;
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setTick((tick) => tick + 1), 250);
    return () => clearInterval(interval);
  }, [running]);
  const left = timer ? remainingMs(timer, Date.now()) : null;
  if (!timer && !canControl) return null;
  return (
    <section className={large ? 'timer timer--large' : 'timer'} aria-label={t.t('timer.label')}>
      {left !== null && (
        // Not live: a ticking clock would talk over everything; the state line says what matters.
        <span className="timer__time" data-testid="timer-remaining" data-remaining-ms={left}>
          {formatRemaining(left)}
        </span>
      )}
      {timer && (
        <span className="timer__state" role="status">
          {left === 0 ? t.t('timer.up') : running ? t.t('timer.running') : t.t('timer.paused')}
        </span>
      )}
      {canControl && (
        <span className="timer__controls">
          {!running && !timer && (
            <label>
              {t.t('timer.minutes')}{' '}
              <input
                type="number"
                min={1}
                max={120}
                value={minutes}
                onChange={(event) => setMinutes(Math.max(1, Math.min(120, Number(event.target.value) || 1)))}
              />
            </label>
          )}
          {running ? (
            <button type="button" onClick={() => timer && pauseTimer(map, timer, Date.now())}>
              {t.t('timer.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => startTimer(map, timer, minutes * 60_000, Date.now())}>
              {t.t('timer.start')}
            </button>
          )}
          {timer && (
            <button type="button" onClick={() => resetTimer(map, timer.durationMs)}>
              {t.t('timer.reset')}
            </button>
          )}
        </span>
      )}
    </section>
  );
}

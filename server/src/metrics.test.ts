import { describe, expect, it } from 'vitest';
import { Histogram, Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('renders gauges, counters and close codes in the Prometheus text format', () => {
    const metrics = new Metrics(() => ({ rooms: 2, connections: 5 }));
    metrics.messagesIn += 3;
    metrics.countClose(4400);
    metrics.countClose(4400);
    metrics.countClose(1001);
    const text = metrics.render();
    expect(text).toContain('# TYPE costudio_rooms gauge\ncostudio_rooms 2\n');
    expect(text).toContain('costudio_connections 5\n');
    expect(text).toContain('# TYPE costudio_messages_in_total counter\ncostudio_messages_in_total 3\n');
    expect(text).toContain(
      'costudio_connections_closed_total{code="1001"} 1\ncostudio_connections_closed_total{code="4400"} 2\n',
    );
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('Histogram', () => {
  it('counts cumulatively per bucket, with sum and count', () => {
    const histogram = new Histogram([0.01, 0.1, 1]);
    for (const seconds of [0.005, 0.05, 0.05, 5]) histogram.observe(seconds);
    const lines: string[] = [];
    histogram.render(lines, 'x_seconds', 'help');
    expect(lines).toEqual([
      '# HELP x_seconds help',
      '# TYPE x_seconds histogram',
      'x_seconds_bucket{le="0.01"} 1',
      'x_seconds_bucket{le="0.1"} 3',
      'x_seconds_bucket{le="1"} 3',
      'x_seconds_bucket{le="+Inf"} 4',
      'x_seconds_sum 5.105',
      'x_seconds_count 4',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sumMetric } from '../../tests/support/prometheus.ts';
import { Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('renders gauges, counters and close codes in the Prometheus text format', async () => {
    const metrics = new Metrics(() => ({ rooms: 2, connections: 5 }));
    metrics.messagesIn += 3;
    metrics.refusedChangesUndone++;
    metrics.countClose(4400);
    metrics.countClose(4400);
    metrics.countClose(1001);
    const text = await metrics.render();
    expect(text).toContain('# TYPE costudio_rooms gauge\ncostudio_rooms 2\n');
    expect(text).toContain('costudio_connections 5\n');
    expect(text).toContain('# TYPE costudio_messages_in_total counter\ncostudio_messages_in_total 3\n');
    expect(text).toContain('costudio_refused_changes_undone_total 1\n');
    expect(text).toContain('costudio_connections_closed_total{code="4400"} 2\n');
    expect(text).toContain('costudio_connections_closed_total{code="1001"} 1\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('reads the counters afresh at every scrape', async () => {
    const metrics = new Metrics(() => ({ rooms: 0, connections: 0 }));
    metrics.updatesCommitted = 5;
    expect(sumMetric(parsePrometheusText(await metrics.render()), /^costudio_updates_committed_total$/)).toBe(5);
    metrics.updatesCommitted = 7;
    expect(sumMetric(parsePrometheusText(await metrics.render()), /^costudio_updates_committed_total$/)).toBe(7);
  });

  it('keeps histograms cumulative per bucket, with sum and count', async () => {
    const metrics = new Metrics(() => ({ rooms: 0, connections: 0 }));
    for (const seconds of [0.0004, 0.003, 0.003, 5]) metrics.persistSeconds.observe(seconds);
    const samples = parsePrometheusText(await metrics.render());
    const bucket = (le: string) => sumMetric(samples, /^costudio_persist_seconds_bucket$/, { le });
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.005')).toBe(3);
    expect(bucket('2.5')).toBe(3);
    expect(bucket('+Inf')).toBe(4);
    expect(sumMetric(samples, /^costudio_persist_seconds_count$/)).toBe(4);
    expect(sumMetric(samples, /^costudio_persist_seconds_sum$/)).toBeCloseTo(5.0064);
  });

  it("adds Node's process, GC and event-loop metrics, once however many servers a process runs", async () => {
    const first = await new Metrics(() => ({ rooms: 0, connections: 0 })).render();
    const second = await new Metrics(() => ({ rooms: 0, connections: 0 })).render();
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_gc_duration_seconds']) {
      expect(first).toContain(`# TYPE ${name} `);
      expect(second).toContain(`# TYPE ${name} `);
    }
    const names = parsePrometheusText(first).map((sample) => `${sample.name}${JSON.stringify(sample.labels)}`);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** One sample of a Prometheus text exposition: `name{labels} value`. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses Prometheus text format (version 0.0.4); comment and malformed lines are skipped. */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) continue;
    const [, name = '', labelText = '', valueText = ''] = match;
    const labels: Record<string, string> = {};
    for (const label of labelText.matchAll(LABEL)) labels[label[1] ?? ''] = (label[2] ?? '').replace(/\\(.)/g, '$1');
    samples.push({ name, labels, value: parseValue(valueText) });
  }
  return samples;
}

/** Sum of the samples whose name matches `pattern` and whose labels include `labels`. */
export function sumMetric(samples: readonly MetricSample[], pattern: RegExp, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const sample of samples) {
    if (!pattern.test(sample.name)) continue;
    if (Object.entries(labels).some(([key, value]) => sample.labels[key] !== value)) continue;
    total += sample.value;
  }
  return total;
}

/** Fetches and parses `${httpUrl}/metrics`. */
export async function fetchMetrics(httpUrl: string): Promise<MetricSample[]> {
  const response = await fetch(`${httpUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return parsePrometheusText(await response.text());
}

function parseValue(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

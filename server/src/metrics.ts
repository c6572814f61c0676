/**
 * GET /metrics through prom-client: Node's process, GC and event-loop metrics beside Costudio's own.
 * Costudio's counters stay plain number fields, bumped on every frame, so an increment costs no
 * more than an addition; prom-client reads them only when Prometheus scrapes.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// Process-wide and collected once, however many servers a process starts (the tests start
// hundreds): each collectDefaultMetrics call would add GC observers and an event-loop monitor.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class Metrics {
  messagesIn = 0;
  messagesOut = 0;
  bytesIn = 0;
  bytesOut = 0;
  updatesCommitted = 0;
  commitFailures = 0;
  compactions = 0;
  roomLoads = 0;
  roomLoadFailures = 0;
  quarantinedUpdates = 0;
  refusedChangesUndone = 0;
  fanoutUpdatesReceived = 0;
  catchUpReads = 0;
  catchUpReloads = 0;
  privateRoomsCreated = 0;
  privateRoomsRefused = 0;
  readonly closes = new Map<number, number>();
  private readonly registry = new Registry();
  readonly persistSeconds = new Histogram({
    name: 'costudio_persist_seconds',
    help: 'Time to commit one group of updates to storage.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly loadSeconds = new Histogram({
    name: 'costudio_room_load_seconds',
    help: 'Time to load a board from storage.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(private readonly gauges: () => { rooms: number; connections: number }) {
    this.gauge('costudio_rooms', 'Boards loaded in memory.', () => this.gauges().rooms);
    this.gauge('costudio_connections', 'Open sync WebSocket connections.', () => this.gauges().connections);
    this.counter('costudio_messages_in_total', 'WebSocket messages received from clients.', () => this.messagesIn);
    this.counter('costudio_messages_out_total', 'WebSocket messages sent to clients.', () => this.messagesOut);
    this.counter('costudio_bytes_in_total', 'Bytes of WebSocket messages received.', () => this.bytesIn);
    this.counter('costudio_bytes_out_total', 'Bytes of WebSocket messages sent.', () => this.bytesOut);
    this.counter('costudio_updates_committed_total', 'Document updates committed to storage.', () => this.updatesCommitted);
    this.counter(
      'costudio_commit_failures_total',
      'Group commits that storage refused, or whose flush to disk failed.',
      () => this.commitFailures,
    );
    this.counter('costudio_compactions_total', 'Update logs compacted into a snapshot.', () => this.compactions);
    this.counter('costudio_room_loads_total', 'Boards loaded from storage.', () => this.roomLoads);
    this.counter('costudio_room_load_failures_total', 'Board loads that failed and were refused.', () => this.roomLoadFailures);
    this.counter('costudio_quarantined_updates_total', 'Stored updates that could not be read.', () => this.quarantinedUpdates);
    this.counter(
      'costudio_refused_changes_undone_total',
      "Participants' updates partly undone by the server: changes to locked lanes or votes' settings.",
      () => this.refusedChangesUndone,
    );
    this.counter(
      'costudio_fanout_updates_received_total',
      'Committed updates received from other instances (REDIS_URL).',
      () => this.fanoutUpdatesReceived,
    );
    this.counter(
      'costudio_catch_up_reads_total',
      'Reads of rows from the store that another instance committed, after a gap or a possible loss.',
      () => this.catchUpReads,
    );
    this.counter(
      'costudio_catch_up_reloads_total',
      'Boards reloaded because the rows a room lacked had been compacted.',
      () => this.catchUpReloads,
    );
    this.counter('costudio_private_rooms_created_total', 'Private-writing rooms created.', () => this.privateRoomsCreated);
    this.counter(
      'costudio_private_rooms_refused_total',
      'New private-writing rooms refused: private writing off, or the link at its cap.',
      () => this.privateRoomsRefused,
    );
    const closes = this.closes;
    new Counter({
      name: 'costudio_connections_closed_total',
      help: 'Connections closed by the server, by close code.',
      labelNames: ['code'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [code, count] of closes) this.inc({ code: String(code) }, count);
      },
    });
  }

  countClose(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
  }

  /** The Content-Type of `render()`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Costudio's metrics, then the process's, in the Prometheus text format (version 0.0.4). */
  async render(): Promise<string> {
    const own = await this.registry.metrics();
    const process = await processMetrics().metrics();
    return `${own}\n${process}`;
  }

  /** A counter read from a field at scrape time. */
  private counter(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  private gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}

/**
 * Process-wide counters for GET /metrics, rendered in the Prometheus text format (version 0.0.4).
 * Plain number fields rather than a metrics library: they are bumped on every frame, so an
 * increment has to cost no more than an addition.
 */
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
  privateRoomsCreated = 0;
  privateRoomsRefused = 0;
  readonly closes = new Map<number, number>();
  readonly persistSeconds = new Histogram([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);
  readonly loadSeconds = new Histogram([0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);

  constructor(private readonly gauges: () => { rooms: number; connections: number }) {}

  countClose(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1);
  }

  render(): string {
    const { rooms, connections } = this.gauges();
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, value: number) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric('costudio_rooms', 'gauge', 'Boards loaded in memory.', rooms);
    metric('costudio_connections', 'gauge', 'Open sync WebSocket connections.', connections);
    metric('costudio_messages_in_total', 'counter', 'WebSocket messages received from clients.', this.messagesIn);
    metric('costudio_messages_out_total', 'counter', 'WebSocket messages sent to clients.', this.messagesOut);
    metric('costudio_bytes_in_total', 'counter', 'Bytes of WebSocket messages received.', this.bytesIn);
    metric('costudio_bytes_out_total', 'counter', 'Bytes of WebSocket messages sent.', this.bytesOut);
    metric('costudio_updates_committed_total', 'counter', 'Document updates committed to storage.', this.updatesCommitted);
    metric('costudio_commit_failures_total', 'counter', 'Group commits that storage refused.', this.commitFailures);
    metric('costudio_compactions_total', 'counter', 'Update logs compacted into a snapshot.', this.compactions);
    metric('costudio_room_loads_total', 'counter', 'Boards loaded from storage.', this.roomLoads);
    metric('costudio_room_load_failures_total', 'counter', 'Board loads that failed and were refused.', this.roomLoadFailures);
    metric('costudio_quarantined_updates_total', 'counter', 'Stored updates that could not be read.', this.quarantinedUpdates);
    metric(
      'costudio_refused_changes_undone_total',
      'counter',
      "Participants' updates partly undone by the server: changes to locked lanes or votes' settings.",
      this.refusedChangesUndone,
    );
    metric('costudio_private_rooms_created_total', 'counter', 'Private-writing rooms created.', this.privateRoomsCreated);
    metric(
      'costudio_private_rooms_refused_total',
      'counter',
      'New private-writing rooms refused: private writing off, or the link at its cap.',
      this.privateRoomsRefused,
    );
    lines.push('# HELP costudio_connections_closed_total Connections closed by the server, by close code.');
    lines.push('# TYPE costudio_connections_closed_total counter');
    for (const [code, count] of [...this.closes].sort((a, b) => a[0] - b[0])) {
      lines.push(`costudio_connections_closed_total{code="${code}"} ${count}`);
    }
    this.persistSeconds.render(lines, 'costudio_persist_seconds', 'Time to commit one group of updates to storage.');
    this.loadSeconds.render(lines, 'costudio_room_load_seconds', 'Time to load a board from storage.');
    return `${lines.join('\n')}\n`;
  }
}

/** A cumulative histogram with fixed upper bounds, in seconds. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(private readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(seconds: number): void {
    this.sum += seconds;
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) {
      if (seconds <= (this.bounds[i] as number)) {
        this.counts[i] = (this.counts[i] as number) + 1;
        return;
      }
    }
  }

  render(lines: string[], name: string, help: string): void {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    let cumulative = 0;
    this.bounds.forEach((bound, i) => {
      cumulative += this.counts[i] as number;
      lines.push(`${name}_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${this.count}`, `${name}_sum ${this.sum}`, `${name}_count ${this.count}`);
  }
}

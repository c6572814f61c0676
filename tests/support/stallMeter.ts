/**
 * Measures how long this process's event loop is held up, two ways: by the clock (what a client
 * feels, including time the OS gave the CPU to other processes) and by the main thread's own CPU
 * time between two ticks (what the code running here did, whatever the machine's load). On a
 * busy shared machine an idle Node process already sees 100–150 ms gaps by the clock, so tests
 * assert on the CPU figure and report both. Needs process.threadCpuUsage (Node ≥ 23.9).
 */
export interface Stalls {
  /** Longest gap between two ticks, by the clock, in ms. */
  readonly wallMs: number;
  /** Most main-thread CPU time spent between two ticks, in ms: the longest the loop was busy. */
  readonly cpuMs: number;
}

export function startStallMeter(): { stop(): Stalls } {
  let lastWall = performance.now();
  let lastCpu = threadCpuMs();
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    wallMs = Math.max(wallMs, wall - lastWall);
    cpuMs = Math.max(cpuMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return { wallMs, cpuMs };
    },
  };
}

function threadCpuMs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The middle value of `values` (which must not be empty). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

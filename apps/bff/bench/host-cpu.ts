import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine-wide CPU counters of /proc/stat (jiffies), or null where there is none. */
export interface HostCpu {
  busy: number;
  idle: number;
  steal: number;
  total: number;
}

/**
 * Reads the first `cpu` line of /proc/stat. On a shared virtual machine the hypervisor's
 * "steal" column is time this VM's runnable work waited for a real core: the bench's p99
 * moves with it, so the result line prints it beside the latency.
 */
export function readHostCpu(): HostCpu | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest columns are inside user/nice)
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = f;
    const busy = user + nice + system + irq + softirq;
    return { busy, idle: idle + iowait, steal, total: busy + idle + iowait + steal };
  } catch {
    return null;
  }
}

/** What happened between two readings: shares of the machine's CPU time, in percent. */
export function describeHostCpu(before: HostCpu | null, after: HostCpu | null): string {
  if (!before || !after) return 'host CPU counters unavailable';
  const total = after.total - before.total || 1;
  const pct = (a: number, b: number) => ((100 * (a - b)) / total).toFixed(1);
  return `host CPU during the rush: ${pct(after.busy, before.busy)}% busy, ${pct(after.idle, before.idle)}% idle, ${pct(after.steal, before.steal)}% stolen by the hypervisor`;
}

/** The machine a bench ran on, and how loaded it was (other engineers share its cores). */
export function describeMachine(): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 1e9)} GB, Node ${process.version}; load average ${load}`;
}

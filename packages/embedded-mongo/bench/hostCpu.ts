/**
 * The host's CPU counters from /proc/stat, so a benchmark can say how much CPU the hypervisor
 * stole while it ran: on this project's shared VMs steal explains most run-to-run variance.
 */
import { readFileSync } from 'node:fs';

export interface CpuSample {
  busy: number;
  idle: number;
  steal: number;
}

/** The first `cpu` line of /proc/stat in jiffies, or null where there is no /proc. */
export function sampleCpu(): CpuSample | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal: steal ?? 0 };
  } catch {
    return null;
  }
}

/** "busy 61%, idle 30%, stolen 9%" between two samples. */
export function describeCpu(before: CpuSample | null, after: CpuSample | null): string {
  if (!before || !after) return 'host CPU unknown (no /proc/stat)';
  const busy = after.busy - before.busy;
  const idle = after.idle - before.idle;
  const steal = after.steal - before.steal;
  const total = busy + idle + steal || 1;
  const pct = (n: number) => `${Math.round((100 * n) / total)}%`;
  return `host CPU: busy ${pct(busy)}, idle ${pct(idle)}, stolen ${pct(steal)}`;
}

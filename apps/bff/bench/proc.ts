import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Process plumbing the benchmarks share: the database as its own process, and what /proc says
 * about a process's CPU and memory.
 */

/**
 * Starts the embedded database (`packages/embedded-mongo/src/cli.ts --inMemory` under tsx, or
 * its compiled `dist/cli.js`) and resolves with its URI. `preload`: node arguments before the
 * entry (a probe that talks over the IPC channel this then opens).
 */
export async function startDbProcess(
  nodeFlags: string[],
  options: { compiled?: boolean; preload?: string[] } = {},
): Promise<{ proc: ChildProcess; uri: string }> {
  const pkg = path.resolve(__dirname, '../../../packages/embedded-mongo');
  const entry = options.compiled
    ? [path.join(pkg, 'dist/cli.js')]
    : ['--import', 'tsx', path.join(pkg, 'src/cli.ts')];
  const preload = options.preload ?? [];
  const proc = spawn(process.execPath, [...nodeFlags, ...preload, ...entry, '--inMemory', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit', ...(preload.length ? (['ipc'] as const) : [])],
  });
  const uri = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`database process exited (${code})`)));
  });
  return { proc, uri: uri.replace(/\/(\?|$)/, '/fugong$1') };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** The process's peak resident set (VmHWM) in MB: since start, or since resetPeakRss. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** Starts a new peak-RSS window (Linux: writing 5 to clear_refs resets VmHWM); false if refused. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The p-th percentile of ascending-sorted numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `one` n times in sequence; the milliseconds each took, ascending (for percentile). */
export async function timedSorted(n: number, one: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const s = process.hrtime.bigint();
    await one(i);
    out.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

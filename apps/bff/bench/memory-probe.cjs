/**
 * The morning-peak bench's memory instrument, preloaded into each server process it starts
 * (`node --require apps/bff/bench/memory-probe.cjs …`; the compiled BFF itself stays as
 * deployed). It samples process.memoryUsage() every 100 ms and answers over the IPC channel:
 * `{ probe: 'reset' }` starts a phase's window, `{ probe: 'memory' }` returns the window's peak
 * of each figure (MB) and the V8 heap spaces at the peak-RSS sample, `{ probe: 'snapshot', file }`
 * writes a heap snapshot (V8 runs a full collection first: it holds only what is still reachable).
 * Never loaded by production.
 */
const v8 = require('node:v8');

const MB = 1024 * 1024;
const SAMPLE_MS = 100;
let peak = null;
let spacesAtPeak = null;

function sample() {
  const m = process.memoryUsage();
  if (!peak) peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0, samples: 0 };
  peak.samples += 1;
  for (const k of ['heapTotal', 'heapUsed', 'external', 'arrayBuffers']) peak[k] = Math.max(peak[k], m[k]);
  if (m.rss > peak.rss) {
    peak.rss = m.rss;
    spacesAtPeak = v8.getHeapSpaceStatistics().map((s) => ({
      space: s.space_name.replace(/_space$/, ''),
      size: s.space_size,
      used: s.space_used_size,
    }));
  }
}

if (process.send) {
  setInterval(sample, SAMPLE_MS).unref();
  process.on('message', (msg) => {
    if (!msg || typeof msg.probe !== 'string') return;
    let result = null;
    if (msg.probe === 'reset') {
      peak = null;
      sample();
    } else if (msg.probe === 'memory') {
      sample();
      const mb = (n) => Math.round(n / MB);
      result = {
        rss: mb(peak.rss),
        heapTotal: mb(peak.heapTotal),
        heapUsed: mb(peak.heapUsed),
        external: mb(peak.external),
        arrayBuffers: mb(peak.arrayBuffers),
        spacesAtPeakRss: Object.fromEntries(
          (spacesAtPeak || [])
            .filter((s) => s.size >= MB)
            .map((s) => [s.space, `${mb(s.used)}/${mb(s.size)}`]),
        ),
      };
    } else if (msg.probe === 'snapshot') {
      const started = Date.now();
      const before = process.memoryUsage();
      const file = v8.writeHeapSnapshot(msg.file);
      result = { file, ms: Date.now() - started, heapUsedBefore: Math.round(before.heapUsed / MB) };
    }
    process.send({ probeId: msg.probeId, result });
  });
}

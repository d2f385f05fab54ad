/**
 * Gathers the calls made during one turn of the event loop and serves them with one database
 * command (the DataLoader pattern). Under a rush, hundreds of requests each wanting "this
 * worker's check-in" or "insert this booking" cost one round trip per batch instead of one
 * each; the driver's per-command cost, not the database, is what limits a BFF instance.
 *
 * Nothing about correctness changes: each caller's command is sent after the caller asked for
 * it (never answered from an earlier read), and the database's indexes and guards still decide
 * every write. A quiet server sends batches of one.
 */
export class Batcher<I, O> {
  private queue: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  /**
   * @param run answers a batch: one output per input, in order; an `Error` output fails only
   *   that caller. A thrown error fails the whole batch.
   */
  constructor(
    private readonly run: (inputs: I[]) => Promise<(O | Error)[]>,
    private readonly maxBatch = 500,
  ) {}

  load(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not nextTick: it runs after every socket read of this poll phase, so
        // the requests that arrived together are served together.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.input)).then(
      (outs) =>
        batch.forEach((b, i) => {
          const o = outs[i];
          if (o instanceof Error) b.reject(o);
          else b.resolve(o as O);
        }),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  }
}

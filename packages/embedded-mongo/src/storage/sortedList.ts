/**
 * An ordered multiset stored as a list of sorted chunks (each at most CHUNK items). Inserts and
 * removals cost O(log n + CHUNK), far cheaper than a flat sorted array at a million entries,
 * and ordered iteration from any position is a simple walk.
 */
const CHUNK = 512;

export interface Position {
  chunk: number;
  index: number;
}

export class SortedList<T> {
  private chunks: T[][] = [];
  private count = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.count;
  }

  /** First chunk whose last item is >= probe according to `cmp(item)` (cmp < 0: item before). */
  private chunkFor(cmp: (item: T) => number): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid];
      if (cmp(chunk[chunk.length - 1]) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the first item for which cmp(item) >= 0. */
  seek(cmp: (item: T) => number): Position {
    const c = this.chunkFor(cmp);
    if (c === this.chunks.length) return { chunk: c, index: 0 };
    const chunk = this.chunks[c];
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(chunk[mid]) < 0) lo = mid + 1;
      else hi = mid;
    }
    return { chunk: c, index: lo };
  }

  /** Position just after the last item for which cmp(item) <= 0. */
  seekAfter(cmp: (item: T) => number): Position {
    return this.seek((item) => (cmp(item) <= 0 ? -1 : 1));
  }

  insert(item: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      this.count = 1;
      return;
    }
    // Keys that grow (ObjectIds, clock-ordered ids, creation times) land after the last item:
    // one comparison instead of a seek.
    const tail = this.chunks[this.chunks.length - 1];
    if (this.compare(tail[tail.length - 1], item) < 0) {
      tail.push(item);
      this.count++;
      if (tail.length > CHUNK * 2) this.chunks.push(tail.splice(CHUNK));
      return;
    }
    const cmp = (x: T) => this.compare(x, item);
    let { chunk: c, index } = this.seek(cmp);
    if (c === this.chunks.length) {
      c = this.chunks.length - 1;
      index = this.chunks[c].length;
    }
    const chunk = this.chunks[c];
    chunk.splice(index, 0, item);
    this.count++;
    if (chunk.length > CHUNK * 2) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK));
  }

  /** Removes one item equal to `item` (compare === 0); returns whether one was found. */
  remove(item: T): boolean {
    const { chunk: c, index } = this.seek((x) => this.compare(x, item));
    const chunk = this.chunks[c];
    if (!chunk || index >= chunk.length || this.compare(chunk[index], item) !== 0) return false;
    chunk.splice(index, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    return true;
  }

  /** Items from `from` forward (ascending order). */
  *forward(from: Position = { chunk: 0, index: 0 }): Generator<T> {
    let { chunk: c, index: i } = from;
    while (c < this.chunks.length) {
      const chunk = this.chunks[c];
      for (; i < chunk.length; i++) yield chunk[i];
      c++;
      i = 0;
    }
  }

  /** Items strictly before `before`, walking backwards (descending order). */
  *backward(before?: Position): Generator<T> {
    let c = before ? before.chunk : this.chunks.length - 1;
    let i = before ? before.index - 1 : (this.chunks[c]?.length ?? 0) - 1;
    if (before && before.chunk >= this.chunks.length) {
      c = this.chunks.length - 1;
      i = (this.chunks[c]?.length ?? 0) - 1;
    }
    while (c >= 0) {
      const chunk = this.chunks[c];
      for (; i >= 0; i--) yield chunk[i];
      c--;
      i = c >= 0 ? this.chunks[c].length - 1 : -1;
    }
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }
}

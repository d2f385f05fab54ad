import type { Division, DivisionList } from '@fugong/contracts';
import { notFound } from '../../errors';
import { nextLevel, type DivisionData, type DivisionRecord } from './division-data';

const view = (r: DivisionRecord): Division => ({
  code: r.code,
  name: r.name,
  level: r.level,
  hasChildren: nextLevel(r.level) !== null,
});

/** Reads the division tree one level at a time for the region cascader. */
export class DivisionService {
  constructor(private readonly data: DivisionData) {}

  /** The children of `parent` (provinces when absent); 404 for a code GB/T 2260 does not have. */
  list(parent: string | undefined): DivisionList {
    if (parent === undefined) return { parent: null, items: this.data.children(null).map(view) };
    const record = this.data.find(parent);
    if (!record) throw notFound('该行政区划');
    const path: string[] = [];
    for (
      let at: DivisionRecord | null = record;
      at;
      at = at.parentCode ? this.data.find(at.parentCode) : null
    )
      path.unshift(at.name);
    return { parent: { ...view(record), path }, items: this.data.children(parent).map(view) };
  }
}

import { cellKey, cellMatches, parseCellKey, type CellFilter } from './cells';
import { flattenDoc, incrementsByDoc, nestByDoc } from './delta';
import { decodeMetrics, metricKey, metricName } from './metrics';
import { slicesOf, sliceOfFilter } from './slices';

const yangming = cellKey({ regionCode: '330281', town: '阳明街道', industry: '光学仪器', size: 'above' });
const lanjiang = cellKey({ regionCode: '330281', town: '兰江街道', industry: '塑料制品', size: 'below' });
const otherCounty = cellKey({ regionCode: '330282', town: '坎墩街道', industry: '光学仪器', size: 'below' });

describe('metric positions', () => {
  it('when a metric is stored, then it goes under its position and reads back by name', () => {
    expect(metricKey('reopen', 'reopened')).toBe('3');
    expect(metricName('reopen', '3')).toBe('reopened');
    expect(() => metricKey('reopen', 'reopenedTwice')).toThrow(TypeError);
  });

  it('when a document still has named metrics (older format), then they read back and add to positional ones', () => {
    expect(decodeMetrics('health', { '0': 4, abnormalTemp: 1, checkins: 2 })).toEqual({
      checkins: 6,
      abnormalTemp: 1,
    });
  });
});

describe('slices', () => {
  it('when a cell is counted, then it is in the 12 slices a filter can name', () => {
    const s = slicesOf(`${yangming}~520000`);
    expect(s).toHaveLength(12);
    expect(s).toEqual(
      expect.arrayContaining([
        '*~*~*',
        '330281~*~*',
        '330281:阳明街道~*~*',
        '*~光学仪器~above',
        '330281:阳明街道~光学仪器~above',
      ]),
    );
  });

  it('when any filter is asked, then its slice sums exactly the cells cellMatches accepts', () => {
    const cells = { [yangming]: 1, [lanjiang]: 10, [otherCounty]: 100 };
    const filters: CellFilter[] = [
      {},
      { region: '330281' },
      { region: '330281:阳明街道' },
      { region: '330282:坎墩街道', size: 'below' },
      { industry: '光学仪器' },
      { industry: '光学.仪器' },
      { region: '330281', industry: '塑料制品', size: 'below' },
      { size: 'above' },
      { region: '', industry: '' },
    ];
    for (const f of filters) {
      const bySlice = new Map<string, number>();
      for (const [k, n] of Object.entries(cells))
        for (const s of slicesOf(k)) bySlice.set(s, (bySlice.get(s) ?? 0) + n);
      const expected = Object.entries(cells)
        .filter(([k]) => cellMatches(parseCellKey(k), f))
        .reduce((sum, [, n]) => sum + n, 0);
      const slice = sliceOfFilter(f);
      expect([f, slice === null ? 0 : (bySlice.get(slice) ?? 0)]).toEqual([f, expected]);
    }
  });

  it('when a filter holds characters no key can, then it matches nothing', () => {
    expect(sliceOfFilter({ region: '330281.阳明街道' })).toBeNull();
    expect(sliceOfFilter({ region: '330281:阳明街道:x' })).toBeNull();
    expect(sliceOfFilter({ region: '*' })).toBeNull();
  });
});

describe('stored counters', () => {
  const contribution = {
    [`trans|2027-03-02\t${yangming}~520000\tseats`]: 22,
    [`trans|2027-03-02\t${lanjiang}~520000\tseats`]: 10,
    [`health|2027-03-02\t${yangming}\tcheckins`]: 3,
  };

  it('when a rebuild nests a contribution, then cells and slices hold what the increments would', () => {
    const docs = nestByDoc(contribution);
    const trans = docs.get('trans|2027-03-02')!;
    expect(trans.c[`${yangming}~520000`]).toEqual({ '1': 22 });
    expect(trans.s['*~*~*']).toEqual({ '520000': { '1': 32 } });
    expect(trans.s['330281:兰江街道~*~*']).toEqual({ '520000': { '1': 10 } });
    expect(docs.get('health|2027-03-02')!.s['*~光学仪器~*']).toEqual({ '0': 3 });
    // Two cells, 12 slices each, of which `*~*~*` and `330281~*~*` are shared: one $inc path each.
    expect(Object.keys(incrementsByDoc(contribution).get('trans|2027-03-02')!)).toHaveLength(2 + 2 * 12 - 2);
  });

  it('when stored cells are flattened, then the contribution comes back', () => {
    const into = {};
    for (const [id, doc] of nestByDoc(contribution)) flattenDoc(id, doc.c, into);
    expect(into).toEqual(contribution);
  });
});

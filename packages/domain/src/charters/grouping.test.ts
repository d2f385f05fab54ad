import { groupCharterRequests } from './grouping';

const req = (id: string, origin: string, day: string, workers: number) => ({
  id,
  originRegionCode: origin,
  originName: origin,
  earliestArrival: day,
  totalWorkers: workers,
});

describe('grouping charter requests for the transport officer', () => {
  it('when requests share origin and day, then they form one group with the summed workers; others stay apart', () => {
    const groups = groupCharterRequests([
      req('a', '520102', '2026-03-10', 20),
      req('b', '520102', '2026-03-10', 15),
      req('c', '520102', '2026-03-11', 5),
      req('d', '510104', '2026-03-10', 40),
    ]);
    expect(
      groups.map((g) => [g.originRegionCode, g.day, g.totalWorkers, g.requests.map((r) => r.id)]),
    ).toEqual([
      ['510104', '2026-03-10', 40, ['d']],
      ['520102', '2026-03-10', 35, ['a', 'b']],
      ['520102', '2026-03-11', 5, ['c']],
    ]);
  });

  it('when there are no requests, then there are no groups', () => {
    expect(groupCharterRequests([])).toEqual([]);
  });
});

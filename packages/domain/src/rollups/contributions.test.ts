import { NO_CELL } from './cells';
import {
  checkinContribution,
  enterpriseContribution,
  isTrendedKey,
  issueContribution,
  tripContribution,
} from './contributions';
import { contributionDelta, incrementsByDoc } from './delta';

const cell = { regionCode: '330281', town: '阳明街道', industry: '光学仪器', size: 'above' as const };
const base = {
  cell,
  headcount: 100,
  latestReport: null,
  openIssueCategories: [],
  hasSteward: true,
  lastVisitDay: null,
};

describe('what a record contributes', () => {
  it('when a closed firm has two open labour issues, then it counts once as blocked by labour with two issues', () => {
    const c = enterpriseContribution({ ...base, openIssueCategories: ['labour', 'labour'] });
    expect(c['ecat|*\t330281:阳明街道~光学仪器~above~labour\tblocked']).toBe(1);
    expect(c['ecat|*\t330281:阳明街道~光学仪器~above~labour\tblockedIssues']).toBe(2);
    expect(c['vcov|*\t330281:阳明街道~光学仪器~above~never\tenterprises']).toBe(1);
    expect(c['reopen|*\t330281:阳明街道~光学仪器~above\tclosedWithIssues']).toBe(1);
    expect(c['reopen|*\t330281:阳明街道~光学仪器~above\treopened']).toBeUndefined();
  });

  it('when a trip is a draft or cancelled, then it counts nothing; published, it counts its capped seats', () => {
    const t = {
      status: 'draft' as const,
      travelDay: '2027-03-02',
      originRegionCode: '520102',
      capacity: 22,
      bookedCount: 3,
      boardedCount: 1,
      waitlistJoins: 0,
    };
    expect(tripContribution(t, cell)).toEqual({});
    expect(tripContribution({ ...t, status: 'cancelled' }, cell)).toEqual({});
    expect(
      tripContribution({ ...t, status: 'published' }, cell)[
        'trans|2027-03-02\t330281:阳明街道~光学仪器~above~520000\tseats'
      ],
    ).toBe(22);
  });

  it('when an answer came after the department deadline, then it is answered but not on time', () => {
    const i = {
      category: 'labour',
      departmentCode: 'rsj',
      state: 'answered',
      escalated: false,
      reportedDay: '2027-03-01',
      rating: null,
      progress: { dueAt: new Date(1000), metAt: new Date(2000) },
    };
    const c = issueContribution(i, cell);
    expect(c['iss|2027-03-01\t330281:阳明街道~光学仪器~above~labour~rsj\tanswered']).toBe(1);
    expect(c['iss|*\t330281:阳明街道~光学仪器~above~labour~rsj\tanswered']).toBe(1);
    expect(c['iss|*\t330281:阳明街道~光学仪器~above~labour~rsj\tansweredOnTime']).toBeUndefined();
  });

  it('when a check-in is corrected from 36.6 to 37.6, then the delta adds one abnormal temperature and no check-in', () => {
    const before = checkinContribution(
      { day: '2027-03-02', temperature: 36.6, healthCode: 'green' },
      NO_CELL,
    );
    const after = checkinContribution({ day: '2027-03-02', temperature: 37.6, healthCode: 'green' }, NO_CELL);
    expect(contributionDelta(before, after)).toEqual({
      'health|2027-03-02\t000000:~未登记~none\tabnormalTemp': 1,
    });
  });
});

describe('deltas', () => {
  it('when a record leaves a cell, then the old entries are subtracted and the $inc is grouped per document', () => {
    const x = '330281:阳明街道~光学仪器~above';
    const d = contributionDelta(
      { [`vcov|*\t${x}~never\tenterprises`]: 2, [`visits|2027-03-02\t${x}~s1\tvisits`]: 1 },
      { [`vcov|*\t${x}~never\tenterprises`]: 3 },
    );
    expect(d).toEqual({ [`vcov|*\t${x}~never\tenterprises`]: 1, [`visits|2027-03-02\t${x}~s1\tvisits`]: -1 });
    const inc = incrementsByDoc(d);
    expect([...inc.keys()]).toEqual(['vcov|*', 'visits|2027-03-02']);
    expect(inc.get('vcov|*')).toMatchObject({ [`c.${x}~never.0`]: 1, 's.*~*~*.never.0': 1 });
    expect(inc.get('visits|2027-03-02')).toMatchObject({ [`c.${x}~s1.0`]: -1, 's.330281~*~above.s1.0': -1 });
  });

  it('when a key is a registry total, then it is not part of the trend; reopened is', () => {
    expect(isTrendedKey('reopen|*\tcell\treopened')).toBe(true);
    expect(isTrendedKey('reopen|*\tcell\tenterprises')).toBe(false);
    expect(isTrendedKey('iss|*\tcell\topen')).toBe(false);
  });
});

import {
  APPLICATION_STEPS,
  digestPicks,
  fittingSeekers,
  isStale,
  freshSince,
  headcountProblem,
  keywordTerms,
  matchScore,
  queryTerms,
  stepsFrom,
  vacancyStateFor,
} from '.';

const DAY = 86_400_000;

describe('application steps', () => {
  it('when an application is offered, then only the seeker may accept or decline it and the firm may do nothing', () => {
    expect(stepsFrom('offered', 'seeker').sort()).toEqual(['accept', 'decline']);
    expect(stepsFrom('offered', 'firm')).toEqual([]);
  });
  it('when an application was accepted, then only the firm’s 到岗 confirmation remains', () => {
    expect(stepsFrom('accepted', 'firm')).toEqual(['arrive']);
    expect(stepsFrom('accepted', 'seeker')).toEqual([]);
  });
  it('when the firm has not interviewed, then it cannot make an offer', () => {
    expect(APPLICATION_STEPS.offer.from).not.toContain('applied');
    expect(APPLICATION_STEPS.offer.from).not.toContain('shortlisted');
  });
  it('when an application ended (rejected, withdrawn, declined, arrived), then no one can move it', () => {
    for (const s of ['rejected', 'withdrawn', 'declined', 'arrived'] as const) {
      expect([...stepsFrom(s, 'firm'), ...stepsFrom(s, 'seeker')]).toEqual([]);
    }
  });
});

describe('vacancy rules', () => {
  const posted = new Date('2026-03-01T09:00:00+08:00');
  it('when 7 days pass without the firm confirming, then the vacancy is stale; a minute earlier it is not', () => {
    expect(isStale(posted, new Date(posted.getTime() + 7 * DAY - 60_000))).toBe(false);
    expect(isStale(posted, new Date(posted.getTime() + 7 * DAY))).toBe(true);
    expect(freshSince(new Date(posted.getTime() + 7 * DAY)).getTime()).toBe(posted.getTime());
  });
  it('when headcount is lowered below those hired, then it is refused with the number hired', () => {
    expect(headcountProblem(3, 5)).toContain('5');
    expect(headcountProblem(5, 5)).toBeNull();
    expect(headcountProblem(0, 0)).not.toBeNull();
  });
  it('when the last place is filled, then the vacancy is full', () => {
    expect(vacancyStateFor(4, 5)).toBe('open');
    expect(vacancyStateFor(5, 5)).toBe('full');
  });
});

describe('keyword terms', () => {
  it('when a vacancy says 电子厂普工, then the keyword 普工 and the single character 普 both match through its terms', () => {
    const terms = keywordTerms('电子厂普工', '制造业');
    for (const q of [queryTerms('普工'), queryTerms('普'), queryTerms('电子厂')]) {
      expect(q.every((t) => terms.includes(t))).toBe(true);
    }
  });
  it('when the keyword’s characters appear apart, then it does not match (工普 is not 普工)', () => {
    const terms = keywordTerms('电子厂普工');
    expect(queryTerms('工普').every((t) => terms.includes(t))).toBe(false);
  });
  it('when text mixes Latin letters and punctuation, then runs split at punctuation and letters are lower-cased', () => {
    expect(keywordTerms('CNC/操作')).toEqual(expect.arrayContaining(['cn', 'nc', '操作']));
    expect(keywordTerms('CNC/操作')).not.toContain('c/');
  });
});

describe('match score', () => {
  const seeker = {
    wantedIndustries: ['制造业'],
    wantedPositions: ['普工'],
    willingRegionCodes: ['330281'],
    homeRegionCode: '520102',
    expectedWage: 5000,
    certificates: [],
  };
  const vacancy = {
    industry: '制造业',
    position: '电子厂普工',
    regionCode: '330281',
    wageMin: 4500,
    wageMax: 6000,
    certificateRequired: false,
  };
  it('when industry, place, wage and position all fit, then the score is 100', () => {
    expect(matchScore(seeker, vacancy)).toBe(100);
  });
  it('when the vacancy is in another province and pays less, then the score falls well below the push threshold', () => {
    expect(matchScore(seeker, { ...vacancy, regionCode: '440300', wageMax: 3600 })).toBeLessThan(60);
  });
  it('when a certificate is required and the seeker has none, then the score drops', () => {
    expect(matchScore(seeker, { ...vacancy, certificateRequired: true })).toBe(95);
  });

  describe('daily digest picks', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 2, 6, h));
    const fresh = [
      { ...vacancy, id: 'a', position: '仓管员', postedAt: at(1) },
      { ...vacancy, id: 'b', postedAt: at(2) },
      { ...vacancy, id: 'c', industry: '餐饮住宿', postedAt: at(3) },
      { ...vacancy, id: 'd', regionCode: '440300', wageMax: 3600, postedAt: at(4) },
      { ...vacancy, id: 'e', postedAt: at(5) },
    ];
    it('when new vacancies fit, then the best come first (newest among equals), without other industries or poor fits', () => {
      expect(digestPicks(seeker, fresh).map((v) => v.id)).toEqual(['e', 'b', 'a']);
    });
    it('when an earlier digest named some, then they are left out, and with none left there is nothing to send', () => {
      expect(digestPicks(seeker, fresh, new Set(['e'])).map((v) => v.id)).toEqual(['b', 'a']);
      expect(digestPicks(seeker, fresh, new Set(['a', 'b', 'e']))).toEqual([]);
    });
    it('when new seekers register, then a vacancy counts only those who want its industry and fit it well', () => {
      const cook = { ...seeker, wantedIndustries: ['餐饮住宿'] };
      const far = { ...seeker, willingRegionCodes: ['440300'], expectedWage: 8000 };
      expect(fittingSeekers(vacancy, [seeker, cook, far])).toEqual([seeker]);
    });
  });
});

import {
  APPLICATION_STEPS,
  byIndustry,
  digestPicks,
  fittingSeekers,
  FreshPostings,
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
    it('when the day’s postings are grouped by industry, then picking from a seeker’s industries picks what picking from all does', () => {
      const twice = { ...seeker, wantedIndustries: ['制造业', '制造业'] };
      const grouped = byIndustry(fresh, (v) => [v.industry]);
      const mine = byIndustry([twice], (s) => s.wantedIndustries);
      expect(mine.get('制造业')).toEqual([twice]);
      expect(grouped.get('餐饮住宿')!.map((v) => v.id)).toEqual(['c']);
      const theirs = [...new Set(twice.wantedIndustries)].flatMap((i) => grouped.get(i) ?? []);
      expect(digestPicks(twice, theirs)).toEqual(digestPicks(twice, fresh));
    });
    it('when the day’s postings are laid out for the sweep, then every seeker is picked exactly what digestPicks picks', () => {
      let r = 7;
      const rnd = () => (r = (Math.imul(r, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
      const one = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
      const trades = ['制造业', '物流', '餐饮住宿'];
      const places = ['330281', '330282', '330100', '440300'];
      const jobs = ['普工', '仓管员', '装配工', '普工组长'];
      const day = Array.from({ length: 300 }, (_, i) => ({
        ...vacancy,
        id: `v${i}`,
        industry: one(trades),
        regionCode: one(places),
        position: one(jobs),
        wageMax: 3500 + Math.floor(rnd() * 30) * 100,
        certificateRequired: rnd() < 0.3,
        postedAt: at(Math.floor(rnd() * 6)),
      }));
      const postings = new FreshPostings(day);
      let picked = 0;
      for (let k = 0; k < 200; k += 1) {
        const s = {
          ...seeker,
          wantedIndustries: [one(trades), one(trades)],
          wantedPositions: [one(jobs)],
          willingRegionCodes: rnd() < 0.2 ? [] : [one(places)],
          expectedWage: 3500 + Math.floor(rnd() * 40) * 100,
          certificates: rnd() < 0.5 ? ['电工证'] : [],
        };
        const sent = new Set(day.filter(() => rnd() < 0.1).map((v) => v.id));
        const picks = postings.picksFor(s, sent);
        expect(picks.map((v) => v.id)).toEqual(digestPicks(s, day, sent).map((v) => v.id));
        picked += picks.length;
      }
      expect(picked).toBeGreaterThan(500);
    });
  });
});

import { assertFen, formatYuan } from './money';
import { firstReason, sortedBy, type Excluded, type SubsidyResult } from './types';

/** 职业介绍补贴 parameters (seed 004 §3). */
export interface ReferralSubsidyParams {
  version: string;
  perPersonFen: number;
}

export const REFERRAL_SUBSIDY_2020: ReferralSubsidyParams = {
  version: 'referral-2020-v1',
  perPersonFen: 12_000,
};

/** One person an HR service agency placed with a firm. */
export interface Placement {
  personKey: string;
  /** 技能型人才, or a graduate of a vocational, technical or higher school. */
  category: 'skilled' | 'graduate' | 'other';
  /** "经审核确认": only verified placements count. */
  verified: boolean;
}

/** The agency: 公共就业服务机构 or a licensed 经营性人力资源服务机构. */
export interface Agency {
  kind: 'public' | 'licensed' | 'unlicensed';
}

export interface ReferralFacts {
  agencyKind: Agency['kind'];
  counted: string[];
  excluded: Excluded[];
}

/** 职业介绍补贴: perPersonFen for each verified skilled worker or graduate a qualifying agency placed. */
export function referralSubsidy(
  agency: Agency,
  placements: readonly Placement[],
  params: ReferralSubsidyParams = REFERRAL_SUBSIDY_2020,
): SubsidyResult<ReferralFacts> {
  assertFen(params.perPersonFen, 'perPersonFen');
  const agencyOk = agency.kind !== 'unlicensed';
  const counted = new Set<string>();
  const excluded = new Map<string, string>();
  for (const p of placements) {
    const why = !agencyOk
      ? '机构不是公共就业服务机构或持证经营性人力资源服务机构'
      : p.category === 'other'
        ? '不是技能型人才或院校毕业生'
        : !p.verified
          ? '尚未审核确认'
          : null;
    if (why === null) counted.add(p.personKey);
    else excluded.set(p.personKey, firstReason(excluded.get(p.personKey), why));
  }
  for (const key of counted) excluded.delete(key);
  const n = counted.size;
  return {
    policy: 'referral',
    version: params.version,
    eligible: n > 0,
    amountFen: n * params.perPersonFen,
    reason: n > 0 ? `介绍就业 ${n} 人 × ${formatYuan(params.perPersonFen)}` : '没有经审核确认的介绍就业人员',
    facts: {
      agencyKind: agency.kind,
      counted: [...counted].sort(),
      excluded: sortedBy(
        [...excluded].map(([personKey, reason]) => ({ personKey, reason })),
        (e) => e.personKey,
      ),
    },
  };
}

import { assertFen, formatYuan, percentOf } from './money';
import type { SubsidyResult } from './types';

/** 线上培训补贴 parameters (seed 000 §一(六)). */
export interface TrainingSubsidyParams {
  version: string;
  perPersonFen: number;
  /** "先行预拨不超过50%": the advance for apprenticeship and project training, in percent (≤ 50). */
  advancePercent: number;
}

export const TRAINING_SUBSIDY_2020: TrainingSubsidyParams = {
  version: 'training-2020-v1',
  perPersonFen: 30_000,
  advancePercent: 50,
};

/**
 * Why a firm may receive it: 三必需、一重要 firms, 职业技能等级认定备案企业, 省市级诚信骨干人力资源服务机构,
 * and the city's 重点企业.
 */
export const TRAINING_FIRM_KINDS = ['essential', 'certification', 'hrAgency', 'key'] as const;
export type TrainingFirmKind = (typeof TRAINING_FIRM_KINDS)[number];

export interface TrainingInput {
  firmKinds: readonly TrainingFirmKind[];
  /** Distinct people trained online (疫情防护、安全生产、法律知识); a key listed twice counts once. */
  trainees: readonly string[];
  /** 新型学徒制 or 项目制 training gets part of the subsidy paid in advance. */
  programme: 'online' | 'apprenticeship' | 'project';
}

export interface TrainingFacts {
  firmKinds: TrainingFirmKind[];
  programme: TrainingInput['programme'];
  trainees: string[];
  /** Paid in advance, part of amountFen (0 unless apprenticeship or project training). */
  advanceFen: number;
}

/** 线上培训补贴: perPersonFen per trained person for an eligible firm, part of it in advance. */
export function trainingSubsidy(
  input: TrainingInput,
  params: TrainingSubsidyParams = TRAINING_SUBSIDY_2020,
): SubsidyResult<TrainingFacts> {
  assertFen(params.perPersonFen, 'perPersonFen');
  if (params.advancePercent > 50)
    throw new TypeError(`advancePercent may not exceed 50 (不超过50%), got ${params.advancePercent}`);
  const kinds = [...new Set(input.firmKinds)].sort();
  const trainees = [...new Set(input.trainees)].sort();
  const eligible = kinds.length > 0 && trainees.length > 0;
  const amountFen = eligible ? trainees.length * params.perPersonFen : 0;
  const advanceFen = input.programme === 'online' ? 0 : percentOf(amountFen, params.advancePercent);
  const reason =
    kinds.length === 0
      ? '企业不在"三必需、一重要"、技能等级认定备案、诚信骨干机构或重点企业之列'
      : trainees.length === 0
        ? '没有参训人员'
        : `培训 ${trainees.length} 人 × ${formatYuan(params.perPersonFen)}` +
          (advanceFen > 0 ? `（先行预拨 ${formatYuan(advanceFen)}）` : '');
  return {
    policy: 'training',
    version: params.version,
    eligible,
    amountFen,
    reason,
    facts: { firmKinds: kinds, programme: input.programme, trainees, advanceFen },
  };
}

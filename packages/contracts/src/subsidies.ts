import { z } from 'zod';

/**
 * 免申即享 (subsidies without application): the policies computed from data already held,
 * their labels, and the departments that own them.
 */
export const SUBSIDY_POLICIES = ['hiring', 'referral', 'training', 'uiRefund', 'charter'] as const;
export const subsidyPolicySchema = z.enum(SUBSIDY_POLICIES, { message: '请选择补贴政策' });
export type SubsidyPolicyCode = z.infer<typeof subsidyPolicySchema>;

export const SUBSIDY_POLICY_LABELS: Record<SubsidyPolicyCode, string> = {
  hiring: '一次性吸纳就业补贴',
  referral: '职业介绍补贴',
  training: '线上培训补贴',
  uiRefund: '失业保险稳岗返还',
  charter: '包车补贴',
};

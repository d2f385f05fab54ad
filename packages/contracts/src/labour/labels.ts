/**
 * 用工服务 vocabulary: the kinds, states and labels both apps show. Contract kinds are the four
 * forms seed 000 §一(二) names (全日制 plus 非全日制, 以完成一定工作任务为期限, 短期借用/共享用工).
 */
export const CONTRACT_KINDS = ['full_time', 'part_time', 'task', 'sharing'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Record<ContractKind, string> = {
  full_time: '全日制',
  part_time: '非全日制',
  task: '以完成一定工作任务为期限',
  sharing: '短期借用/共享用工',
};

export const SHIFTS = ['day', 'night', 'two_shift', 'three_shift', 'flexible'] as const;
export type Shift = (typeof SHIFTS)[number];
export const SHIFT_LABELS: Record<Shift, string> = {
  day: '长白班',
  night: '夜班',
  two_shift: '两班倒',
  three_shift: '三班倒',
  flexible: '弹性/错时上下班',
};

/** A vacancy's stored state; "stale" is not a state but a flag (unconfirmed for 7 days). */
export const VACANCY_STATUSES = ['open', 'full', 'withdrawn'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = {
  open: '招聘中',
  full: '已招满',
  withdrawn: '已撤回',
};

/** 先寻岗、再定岗、后到岗 (seed 003): every state an application passes through. */
export const APPLICATION_STATUSES = [
  'applied',
  'shortlisted',
  'interview',
  'offered',
  'accepted',
  'arrived',
  'rejected',
  'withdrawn',
  'declined',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  applied: '已投递',
  shortlisted: '已初选',
  interview: '待面试',
  offered: '已发录用',
  accepted: '已定岗',
  arrived: '已到岗',
  rejected: '未录用',
  withdrawn: '已撤回',
  declined: '已婉拒',
};

/** 线上视频面试, or a 远程视频见工点 at a street office (seed 003: 9 such points in 天府新区). */
export const INTERVIEW_MODES = ['video', 'remote_point'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];
export const INTERVIEW_MODE_LABELS: Record<InterviewMode, string> = {
  video: '线上视频面试',
  remote_point: '远程视频见工点',
};

export const SHARING_KINDS = ['surplus', 'shortage'] as const;
export type SharingKind = (typeof SHARING_KINDS)[number];
export const SHARING_KIND_LABELS: Record<SharingKind, string> = {
  surplus: '富余员工可借出',
  shortage: '缺工求借用',
};

/** A sharing arrangement: proposed by one firm, agreed (heads committed) or declined by the other. */
export const SHARING_AGREEMENT_STATUSES = ['proposed', 'agreed', 'declined'] as const;
export type SharingAgreementStatus = (typeof SHARING_AGREEMENT_STATUSES)[number];
export const SHARING_AGREEMENT_STATUS_LABELS: Record<SharingAgreementStatus, string> = {
  proposed: '待对方确认',
  agreed: '双方已约定',
  declined: '对方已婉拒',
};

/** Who pays the lent workers' social insurance during the arrangement. */
export const INSURANCE_PAYERS = ['lender', 'borrower'] as const;
export type InsurancePayer = (typeof INSURANCE_PAYERS)[number];
export const INSURANCE_PAYER_LABELS: Record<InsurancePayer, string> = {
  lender: '原用人单位缴纳',
  borrower: '借用单位承担',
};

/** The days a vacancy stays in search without the firm confirming it is still current. */
export const VACANCY_STALE_DAYS = 7;

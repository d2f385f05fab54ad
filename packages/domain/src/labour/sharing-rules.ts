/**
 * Rules of 用工调剂 (seed 000 §一(二)): a lending firm's surplus and a borrowing firm's shortage
 * meet in an arrangement that must fit both posts. YYYY-MM-DD days compare as strings.
 */

/** What an arrangement is checked against: one side's post as it stands. */
export interface SharingWindow {
  free: number;
  fromDay: string;
  toDay: string;
}

export interface SharingProblem {
  path: 'headcount' | 'fromDay' | 'toDay';
  message: string;
}

/**
 * Why these terms cannot be proposed, or null: the period must lie inside both posts' periods and
 * not be over already, and the heads fit what both posts still have free. The free heads are
 * checked again, guarded, when the other firm agrees; this only spares a proposal doomed now.
 */
export function sharingTermsProblem(
  terms: { headcount: number; fromDay: string; toDay: string },
  lender: SharingWindow,
  borrower: SharingWindow,
  today: string,
): SharingProblem | null {
  if (terms.toDay < today) return { path: 'toDay', message: '调剂结束日期已过' };
  if (terms.fromDay < lender.fromDay || terms.toDay > lender.toDay)
    return { path: 'fromDay', message: `借出企业可借出期间为 ${lender.fromDay} 至 ${lender.toDay}` };
  if (terms.fromDay < borrower.fromDay || terms.toDay > borrower.toDay)
    return { path: 'fromDay', message: `借用企业需要期间为 ${borrower.fromDay} 至 ${borrower.toDay}` };
  if (terms.headcount > lender.free)
    return { path: 'headcount', message: `借出企业尚可借出 ${lender.free} 人` };
  if (terms.headcount > borrower.free)
    return { path: 'headcount', message: `借用企业尚缺 ${borrower.free} 人` };
  return null;
}

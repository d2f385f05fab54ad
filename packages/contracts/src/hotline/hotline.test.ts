import {
  HOTLINE_CATEGORIES,
  HOTLINE_CATEGORY_LABELS,
  HOTLINE_ISSUE_CATEGORY,
  MAX_CALL_TEXT,
  hotlineCallbackInputSchema,
  hotlineCallInputSchema,
} from './hotline';
import { ISSUE_CATEGORIES } from '../enterprise/issue';

const FIRM = '65f0c0ffee0000000000abcd';
const call = (over: object = {}) => ({
  line: '12345',
  callerPhone: '13957401234',
  category: 'policy',
  text: '想问复工后社保能否缓缴',
  outcome: { kind: 'answered', answer: '可申请缓缴至 6 月底' },
  ...over,
});
const problems = (input: unknown) => {
  const r = hotlineCallInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a hotline call as the operator enters it', () => {
  it('when the caller’s number is a plausible mainland mobile, read out with spaces or dashes, then it is kept as 11 digits', () => {
    const r = hotlineCallInputSchema.parse(call({ callerPhone: ' 139-5740 1234 ' }));
    expect(r.callerPhone).toBe('13957401234');
    expect(r.enterpriseId).toBeNull();
  });

  it('when the number is not a mobile (too short, a landline, starting 12), then it is refused in Chinese', () => {
    for (const phone of ['1395740123', '057462345678', '12345678901', '1395740123x'])
      expect(problems(call({ callerPhone: phone }))).toEqual(['callerPhone: 请输入 11 位手机号']);
  });

  it('when the text is blank, too short or longer than the cap, then it is refused with the reason', () => {
    expect(problems(call({ text: '   ' }))).toEqual(['text: 请至少用 5 个字填写来电内容']);
    expect(problems(call({ text: '问'.repeat(MAX_CALL_TEXT + 1) }))).toEqual([
      `text: 来电内容不能超过 ${MAX_CALL_TEXT} 字`,
    ]);
    expect(problems(call({ text: '问'.repeat(MAX_CALL_TEXT) }))).toEqual([]);
    expect(problems(call({ outcome: { kind: 'answered', answer: ' ' } }))).toEqual([
      'outcome.answer: 请至少用 2 个字填写答复内容',
    ]);
  });

  it('when a call is to become an issue, then it needs the firm it is about and a real department', () => {
    const issue = { kind: 'issue', departmentCode: 'rsj', urgency: 'urgent' };
    expect(problems(call({ outcome: issue }))).toEqual(['enterpriseId: 转为问题诉求须选择所涉企业']);
    expect(problems(call({ outcome: issue, enterpriseId: FIRM }))).toEqual([]);
    expect(problems(call({ outcome: { ...issue, departmentCode: 'fbi' }, enterpriseId: FIRM }))).toHaveLength(
      1,
    );
    expect(problems(call({ outcome: { kind: 'forward' } }))).toHaveLength(1);
    expect(problems(call({ line: '110' }))).toEqual(['line: 请选择热线']);
  });

  it('when a call becomes an issue, then every hotline category maps to an issue category and has a label', () => {
    for (const c of HOTLINE_CATEGORIES) {
      expect(ISSUE_CATEGORIES).toContain(HOTLINE_ISSUE_CATEGORY[c]);
      expect(HOTLINE_CATEGORY_LABELS[c]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('when a call-back is rated, then only a whole 1–5 is taken', () => {
    for (const s of [0, 6, 4.5, '5'])
      expect(hotlineCallbackInputSchema.safeParse({ satisfaction: s }).success).toBe(false);
    expect(hotlineCallbackInputSchema.parse({ satisfaction: 5 })).toEqual({ satisfaction: 5 });
  });
});

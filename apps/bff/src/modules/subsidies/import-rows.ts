import { idNumberSchema, isValidCreditCode, type ImportRowIssue } from '@fugong/contracts';
import { chinaDayStart } from '@fugong/domain';

/** Column headings accepted for each field of each kind (what the 社保 agency's sheets call them). */
export const ROSTER_HEADERS = {
  creditCode: ['统一社会信用代码', '信用代码'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  hiredOn: ['入职日期', '参加工作日期', '用工日期'],
  contractStart: ['劳动合同起始日期', '合同起始日期', '合同开始日期'],
  contractEnd: ['劳动合同终止日期', '合同终止日期', '合同结束日期'],
  insured: ['是否参保', '参保缴费', '已缴纳社保'],
} as const;

export const PREMIUM_HEADERS = {
  creditCode: ['统一社会信用代码', '信用代码'],
  sme: ['是否中小微企业', '中小微企业'],
  insuredAtStart: ['上年初参保人数', '年初参保人数'],
  layoffs: ['上年度裁员人数', '裁员人数'],
  premiumsYuan: ['上年度实缴失业保险费（元）', '上年度实缴失业保险费', '实缴失业保险费'],
} as const;

export const PLACEMENT_HEADERS = {
  creditCode: ['职业介绍机构统一社会信用代码', '机构统一社会信用代码', '统一社会信用代码'],
  agencyKind: ['机构类型'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  category: ['人员类别'],
  verified: ['是否审核确认', '审核确认'],
} as const;

export const TRAINING_HEADERS = {
  creditCode: ['统一社会信用代码', '信用代码'],
  firmKinds: ['企业类别'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
  programme: ['培训类型', '培训方式'],
} as const;

export const CHARTER_HEADERS = {
  creditCode: ['统一社会信用代码', '信用代码'],
  tripId: ['班次编号', '包车班次'],
  originRegion: ['始发地行政区划代码', '始发地区划代码'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码'],
} as const;

/** The words each choice column accepts, as the agencies' sheets write them. */
export const AGENCY_KIND_WORDS = {
  public: ['公共就业服务机构', '公共'],
  licensed: ['经营性人力资源服务机构', '持证经营性人力资源服务机构', '经营性'],
  unlicensed: ['未持证机构', '其他'],
} as const;
export const CATEGORY_WORDS = {
  skilled: ['技能型人才', '技能人才'],
  graduate: ['院校毕业生', '高校毕业生', '毕业生'],
  other: ['其他'],
} as const;
export const PROGRAMME_WORDS = {
  online: ['线上培训', '线上'],
  apprenticeship: ['新型学徒制', '学徒制'],
  project: ['项目制', '项目制培训'],
} as const;
export const FIRM_KIND_WORDS = {
  essential: ['三必需、一重要', '三必需一重要', '三必需'],
  certification: ['职业技能等级认定备案企业', '技能等级认定备案'],
  hrAgency: ['诚信骨干人力资源服务机构', '诚信骨干'],
  key: ['重点企业'],
} as const;

/** Fields a row may leave empty (an open-ended contract has no end date). */
export const OPTIONAL = new Set(['contractEnd']);

export type Cells = Record<string, string>;

/** Collects the row's problems; each field parser reports through `bad` and returns a value or undefined. */
export class RowCheck {
  readonly issues: ImportRowIssue[] = [];
  constructor(
    readonly row: number,
    private readonly cells: Cells,
    private readonly labels: Record<string, readonly string[]>,
  ) {}

  private bad(field: string, reason: string): undefined {
    this.issues.push({ row: this.row, field: this.labels[field]![0]!, reason });
    return undefined;
  }

  private raw(field: string): string | undefined {
    const v = (this.cells[field] ?? '').trim();
    if (v === '' && !OPTIONAL.has(field)) return this.bad(field, '不能为空');
    return v;
  }

  creditCode(): string | undefined {
    const v = this.raw('creditCode')?.toUpperCase();
    if (v === undefined) return undefined;
    return isValidCreditCode(v) ? v : this.bad('creditCode', '统一社会信用代码不正确（校验位不符）');
  }

  idNumber(): string | undefined {
    const v = this.raw('idNumber');
    if (v === undefined) return undefined;
    const parsed = idNumberSchema.safeParse(v);
    return parsed.success ? parsed.data : this.bad('idNumber', '身份证号码不正确（校验位不符）');
  }

  /** A date as 2020-02-10, 2020/2/10 or 2020.2.10 (what Excel exports); blank when optional → null. */
  day(field: string): string | null | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (v === '') return null;
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
    if (!m) return this.bad(field, '日期格式应为 YYYY-MM-DD');
    const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    try {
      chinaDayStart(day);
      return day;
    } catch {
      return this.bad(field, '不是有效的日期');
    }
  }

  yesNo(field: string): boolean | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (['是', 'Y', 'y', '1', '已参保'].includes(v)) return true;
    if (['否', 'N', 'n', '0', '未参保'].includes(v)) return false;
    return this.bad(field, '应填写“是”或“否”');
  }

  count(field: string, max = 1_000_000): number | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) > max) return this.bad(field, '应为不小于 0 的整数');
    return Number(v);
  }

  /** Yuan with at most 2 decimals, to integer fen without floating point. */
  fen(field: string): number | undefined {
    const v = this.raw(field)?.replace(/,/g, '');
    if (v === undefined) return undefined;
    const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(v);
    if (!m) return this.bad(field, '金额应为不小于 0 的数，最多两位小数');
    return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  }

  /** One of a fixed set of words (机构类型, 人员类别, 培训类型 …). */
  choice<K extends string>(field: string, words: Record<K, readonly string[]>): K | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    for (const [key, list] of Object.entries(words) as [K, readonly string[]][])
      if (list.includes(v)) return key;
    const allowed = (Object.values(words) as readonly string[][]).map((l) => l[0]);
    return this.bad(field, `应填写${allowed.map((w) => `“${w}”`).join('、')}之一`);
  }

  /** Several choices in one cell, separated by 、，; or /; blank → none. */
  choices<K extends string>(field: string, words: Record<K, readonly string[]>): K[] | undefined {
    const v = (this.cells[field] ?? '').trim();
    if (v === '') return [];
    // 三必需、一重要 is one name that contains the separator, so it is read before splitting.
    const whole = words as Record<string, readonly string[]>;
    const found: K[] = [];
    let rest = v;
    for (const [key, list] of Object.entries(whole))
      for (const w of list)
        if (w.includes('、') && rest.includes(w)) {
          found.push(key as K);
          rest = rest.replace(w, '');
        }
    for (const part of rest
      .split(/[、，,;；/]/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const key = Object.entries(whole).find(([, list]) => list.includes(part))?.[0];
      if (key === undefined) return this.bad(field, `不认识的企业类别“${part}”`);
      found.push(key as K);
    }
    return [...new Set(found)];
  }

  /** A 6-digit division code that exists (GB/T 2260). */
  region(field: string, exists: (code: string) => boolean): string | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    return /^\d{6}$/.test(v) && exists(v) ? v : this.bad(field, '不是有效的行政区划代码');
  }

  /** A short identifier (班次编号). */
  token(field: string, max = 40): string | undefined {
    const v = this.raw(field);
    if (v === undefined) return undefined;
    return v.length <= max && /^[\w\-\u4e00-\u9fa5]+$/.test(v)
      ? v
      : this.bad(field, `应为不超过 ${max} 个字的编号`);
  }

  note(field: string, reason: string): void {
    this.bad(field, reason);
  }
}

/** The demo city's size. `yuyao` is the seeds' scale; the others divide it (the benchmark compares yuyao with tenth). */
export const SCALES = { yuyao: 1, tenth: 0.1, small: 0.01 } as const;
export type ScaleName = keyof typeof SCALES;

/** Seed 001: Yuyao's 1,256 规上 and 26,544 规下 firms, 1,500+ stewards, ~410,000 workers. */
export function planFor(scale: ScaleName) {
  const f = SCALES[scale];
  return {
    above: Math.round(1256 * f),
    below: Math.round(26544 * f),
    stewards: Math.round(1500 * f),
    workers: Math.round(410_000 * f),
    days: 14,
    /** Seed 001 as of 3 月 1 日: staff back 81.2% (规上) and 80.4% (规下); 99.7% of 规下 firms reopened. */
    returnRate: { above: 0.812, below: 0.804 },
    belowReopened: 0.997,
    /** Average headcount that makes 182,500 = 81.2% and 229,700 = 80.4% of all staff. */
    meanHeadcount: { above: 179, below: 10.8 },
    /** Share of workers who come back by point-to-point charter in the window. */
    charterShare: 0.25,
    ...chainPlan(f),
  };
}
export type CityPlan = ReturnType<typeof planFor>;

/** The seeds give rates, not counts, for these three: the counts below are scaled from seed 001's firms. */
const ABOVE = 1256;
const BELOW = 26544;
/** The issue categories a supply post answers. */
const SUPPLY_ISSUES: readonly string[] = ['materials', 'logistics', 'supply_chain', 'epidemic_supplies'];
/** Share of 省/市 projects among key projects (the rest 县重点). */
const KEY_SHARE = 0.4;

/**
 * 重点项目, 供需 and 货车通行证 at the city's scale.
 * - Projects: one per 8 规上 firms (157 at Yuyao; an assumption: no seed counts them). Seed 003
 *   ("在建工程項目復工率達到64.3%，其中省市重点工程項目復工率達到58%"): 省/市 resume at 58%, and 县 at
 *   (64.3% − 40% × 58%) ÷ 60% ≈ 68.5%, so all projects together resume at 64.3%.
 * - Supply demands: the firms whose generated issues are supply matters (issues are 1 in 9 firms;
 *   原材料、物流、产业链、防疫物资 are 48% of ISSUE_MIX — seed 001's 原材料供應、物流配送、產業鏈配套): 1,483
 *   at Yuyao. Supply offers: one per 规上 firm (1,256; seed 002 §四 asks 规上 firms to 牵线搭桥).
 *   40% of demands proposed to a supply, 60% of those confirmed, 10% of posts closed (assumptions).
 * - Freight passes: three lorries per 规上 firm and one for every tenth 规下 firm over the window (seed
 *   001: stewards coordinate 物流配送 for the 1,256 规上; seed 004 §5 opens the green channel to 中小微):
 *   6,422 at Yuyao, each scanned about twice at the 卡口.
 */
function chainPlan(f: number) {
  const county = (0.643 - KEY_SHARE * 0.58) / (1 - KEY_SHARE);
  const all = ISSUE_MIX.reduce((n, [, w]) => n + w, 0);
  const supplyIssues = ISSUE_MIX.filter(([k]) => SUPPLY_ISSUES.includes(k)).reduce((n, [, w]) => n + w, 0);
  const issueShare = supplyIssues / all;
  return {
    projects: Math.round((ABOVE / 8) * f),
    projectLevels: [
      ['province', 0.08],
      ['city', KEY_SHARE - 0.08],
      ['county', 1 - KEY_SHARE],
    ] as const,
    projectKinds: [
      ['construction', 0.7],
      ['foreign', 0.15],
      ['negotiating', 0.15],
    ] as const,
    projectResumed: { key: 0.58, county },
    supplyDemands: Math.round(((ABOVE + BELOW) / 9) * issueShare * f),
    supplyOffers: Math.round(ABOVE * f),
    supplyMatchedShare: 0.4,
    supplyConfirmedShare: 0.6,
    supplyClosedShare: 0.1,
    freightPassesAbove: Math.round(ABOVE * 3 * f),
    freightPasses: Math.round((ABOVE * 3 + BELOW * 0.1) * f),
    checksPerPass: 2,
  };
}

/** Yuyao's towns and 街道 (乡镇街道). */
export const TOWNS = [
  '阳明街道',
  '梨洲街道',
  '凤山街道',
  '兰江街道',
  '低塘街道',
  '朗霞街道',
  '马渚镇',
  '牟山镇',
  '丈亭镇',
  '三七市镇',
  '河姆渡镇',
  '大隐镇',
  '陆埠镇',
  '梁弄镇',
  '大岚镇',
  '四明山镇',
  '鹿亭乡',
  '泗门镇',
  '小曹娥镇',
  '临山镇',
  '黄家埠镇',
] as const;

/** Industries weighted roughly as in Yuyao's manufacturing base (光学、家电、塑料、模具…). */
export const INDUSTRIES = [
  ['光学仪器', 8],
  ['家用电器', 14],
  ['塑料制品', 16],
  ['通用设备', 12],
  ['电气机械', 10],
  ['汽车零部件', 9],
  ['模具制造', 10],
  ['纺织服装', 8],
  ['农副食品', 6],
  ['化学原料', 7],
] as const;

/** Where the workers come from (seed 001: 贵、川、皖、湘、豫、赣), with a charter origin city each. */
export const ORIGINS = [
  { province: '520000', city: '520100', county: '520102', name: '贵阳', weight: 22 },
  { province: '510000', city: '510100', county: '510104', name: '成都', weight: 18 },
  { province: '340000', city: '340100', county: '340102', name: '合肥', weight: 15 },
  { province: '430000', city: '430100', county: '430102', name: '长沙', weight: 12 },
  { province: '410000', city: '410100', county: '410102', name: '郑州', weight: 12 },
  { province: '360000', city: '360100', county: '360102', name: '南昌', weight: 10 },
  { province: '530000', city: '530100', county: '530102', name: '昆明', weight: 5 },
  { province: '330000', city: '330200', county: '330281', name: '余姚（本地）', weight: 6 },
] as const;

/** Issue categories weighted as the hotline's matters ran (labour shortage first). */
export const ISSUE_MIX = [
  ['labour', 30],
  ['materials', 14],
  ['logistics', 14],
  ['supply_chain', 10],
  ['epidemic_supplies', 10],
  ['funding', 8],
  ['policy', 6],
  ['permits_land', 4],
  ['legal', 3],
  ['other', 1],
] as const;

/** The department each category is usually dispatched to. */
export const DEPARTMENT_OF: Record<string, string> = {
  labour: 'rsj',
  materials: 'gxj',
  logistics: 'jtj',
  supply_chain: 'gxj',
  epidemic_supplies: 'wjj',
  funding: 'jrb',
  policy: 'fgw',
  permits_land: 'zrzyj',
  legal: 'sfj',
  other: 'fgw',
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅春燕海波志强立新';
const WORDS = [
  '明州',
  '舜宇',
  '阳明',
  '姚江',
  '四明',
  '兰江',
  '龙山',
  '河姆',
  '凤鸣',
  '梨洲',
  '江南',
  '东方',
  '华宇',
  '天成',
  '鸿达',
  '金盛',
];

/** A plausible Chinese personal name. */
export const personName = (r: { pick<T>(xs: readonly T[]): T }) =>
  r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.pick([0, 1]) ? r.pick([...GIVEN]) : '');
/** A plausible enterprise name. */
export const firmName = (r: { pick<T>(xs: readonly T[]): T }, town: string, industry: string, n: number) =>
  `余姚市${town.replace(/街道|镇|乡/, '')}${r.pick(WORDS)}${industry}有限公司（${n}）`;

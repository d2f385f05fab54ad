import { SIZE_LABELS, type DashboardSummary } from '@fugong/contracts';

/** One table of the daily report: a sheet in the workbook, a titled block in the CSV. */
export interface ReportSection {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

/** The daily report's tables, one group of figures per sheet, with the headers officials use. */
export function reportSheets(s: DashboardSummary): { sheet: string; sections: ReportSection[] }[] {
  const reopenHeader = ['分组', '企业数', '已复工', '复工率', '到岗人数', '职工总数', '返岗率'];
  const reopenRows = (rows: DashboardSummary['reopening']['byRegion']) =>
    rows.map((r) => [
      r.label,
      r.enterprises,
      r.reopened,
      pct(r.reopenRate),
      r.staffOnSite,
      r.staffTotal,
      pct(r.returnRate),
    ]);
  const issueHeader = ['分组', '问题数', '未办结', '超期', '已答复', '按时答复', '按时答复率', '满意度'];
  const issueRows = (rows: DashboardSummary['issues']['byCategory']) =>
    rows.map((r) => [
      r.label,
      r.total,
      r.open,
      r.overdue,
      r.answered,
      r.answeredOnTime,
      pct(r.onTimeRate),
      r.satisfaction ?? '',
    ]);
  const re = s.reopening;
  return [
    {
      sheet: '复工复产',
      sections: [
        {
          title: `复工总体（截至 ${s.asOf}）`,
          header: ['企业总数', '已填报', '已复工', '复工率', '到岗人数', '职工总数', '返岗率'],
          rows: [
            [
              re.enterprises,
              re.reported,
              re.reopened,
              pct(re.reopenRate),
              re.staffOnSite,
              re.staffTotal,
              pct(re.returnRate),
            ],
          ],
        },
        { title: '按地区', header: reopenHeader, rows: reopenRows(re.byRegion) },
        { title: '按行业', header: reopenHeader, rows: reopenRows(re.byIndustry) },
        { title: '按规模', header: reopenHeader, rows: reopenRows(re.bySize) },
        {
          title: '逐日趋势',
          header: ['日期', '企业数', '已复工', '复工率', '到岗人数', '职工总数', '返岗率'],
          rows: reopenRows(re.trend).map((r, i) => [re.trend[i].key, ...r.slice(1)]),
        },
      ],
    },
    {
      sheet: '返岗交通',
      sections: [
        {
          title: `当日班次（${s.asOf}）`,
          header: ['班次', '座位', '已订座', '已上车', '候补人次'],
          rows: [
            [
              s.transport.trips,
              s.transport.seats,
              s.transport.booked,
              s.transport.boarded,
              s.transport.waitTickets,
            ],
          ],
        },
        {
          title: '按来源省份',
          header: ['省份', '班次', '座位', '已订座', '已上车（送达）', '候补人次'],
          rows: s.transport.byProvince.map((r) => [
            r.label,
            r.trips,
            r.seats,
            r.booked,
            r.boarded,
            r.waitTickets,
          ]),
        },
        {
          title: '逐日',
          header: ['日期', '班次', '座位', '已订座', '已上车', '候补人次'],
          rows: s.transport.trend.map((r) => [r.key, r.trips, r.seats, r.booked, r.boarded, r.waitTickets]),
        },
      ],
    },
    {
      sheet: '问题办理',
      sections: [
        {
          title: '总体',
          header: ['问题数', '未办结', '超期', '已答复', '按时答复', '按时答复率', '评价数', '满意度'],
          rows: [
            [
              s.issues.total,
              s.issues.open,
              s.issues.overdue,
              s.issues.answered,
              s.issues.answeredOnTime,
              pct(s.issues.onTimeRate),
              s.issues.rated,
              s.issues.satisfaction ?? '',
            ],
          ],
        },
        { title: '按类别', header: issueHeader, rows: issueRows(s.issues.byCategory) },
        { title: '按部门', header: issueHeader, rows: issueRows(s.issues.byDepartment) },
        {
          title: '共性问题',
          header: ['类别', '涉及企业', '未办结问题'],
          rows: s.issues.common.map((r) => [r.label, r.enterprises, r.issues]),
        },
        {
          title: '未复工原因（未复工企业的未办结问题）',
          header: ['类别', '未复工企业', '问题数'],
          rows: s.whyNotReopened.byCategory.map((r) => [r.label, r.enterprises, r.issues]),
        },
      ],
    },
    {
      sheet: '复工管家',
      sections: [
        {
          title: '走访覆盖',
          header: [
            '有管家企业',
            '7天未走访',
            '近7天走访次数',
            '走访管家数',
            '回访次数',
            '接通',
            '评价数',
            '回访满意度',
          ],
          rows: [
            [
              s.stewards.assignedEnterprises,
              s.stewards.notVisited7d,
              s.stewards.visits,
              s.stewards.activeStewards,
              s.stewards.callbacks.calls,
              s.stewards.callbacks.reached,
              s.stewards.callbacks.rated,
              s.stewards.callbacks.satisfaction ?? '',
            ],
          ],
        },
        {
          title: '走访最多的管家（近7天）',
          header: ['管家', '走访次数'],
          rows: s.stewards.visitsPerSteward.map((r) => [r.name ?? r.stewardId, r.visits]),
        },
        {
          title: '回访满意度偏低的管家',
          header: ['管家', '评价数', '平均分'],
          rows: s.stewards.lowRated.map((r) => [r.name ?? r.stewardId, r.rated, r.satisfaction]),
        },
      ],
    },
    {
      sheet: '健康监测',
      sections: [
        {
          title: `当日（${s.asOf}）`,
          header: ['打卡人数', '体温异常', '非绿码'],
          rows: [[s.health.checkins, s.health.abnormalTemp, s.health.nonGreen]],
        },
        {
          title: '按地区',
          header: ['地区', '打卡人数', '体温异常', '非绿码'],
          rows: s.health.byRegion.map((r) => [r.label, r.checkins, r.abnormalTemp, r.nonGreen]),
        },
        {
          title: '逐日',
          header: ['日期', '打卡人数', '体温异常', '非绿码'],
          rows: s.health.trend.map((r) => [r.key, r.checkins, r.abnormalTemp, r.nonGreen]),
        },
      ],
    },
  ];
}

/** Header of the per-enterprise sheet (the long one, streamed row by row). */
export const ENTERPRISE_HEADER = [
  '企业名称',
  '统一社会信用代码',
  '地区',
  '行业',
  '规模',
  '是否复工',
  '到岗人数',
  '职工总数',
  '返岗率',
  '填报日期',
];

/** One enterprise row of the detail sheet. */
export function enterpriseRow(
  e: { name: string; creditCode: string; region: string; industry: string; size: string },
  r: { reopened: boolean; staffOnSite: number; staffTotal: number; day: string } | null,
) {
  return [
    e.name,
    e.creditCode,
    e.region,
    e.industry,
    SIZE_LABELS[e.size] ?? e.size,
    r ? (r.reopened ? '已复工' : '未复工') : '未填报',
    r?.staffOnSite ?? '',
    r?.staffTotal ?? '',
    r && r.staffTotal ? pct(r.staffOnSite / r.staffTotal) : '',
    r?.day ?? '',
  ];
}

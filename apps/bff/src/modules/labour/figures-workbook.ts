import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ENTERPRISE_SIZE_LABELS, type LabourFigures } from '@fugong/contracts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

const sizeLabel = (size: string) => ENTERPRISE_SIZE_LABELS[size as 'above' | 'below'] ?? '未登记';
const gap = (g: { headcount: number; filled: number }) => g.headcount - g.filled;

/**
 * The 用工缺口 workbook, one sheet per grouping. It carries firms and counts only: no seeker's
 * name, ID number or phone ever reaches it, so there is nothing to mask.
 */
export function figureSheets(f: LabourFigures, asOf: string): Sheet[] {
  const groupHeader = ['在招岗位', '计划招', '已录用', '缺口', '投递'];
  return [
    {
      name: '总体',
      header: [
        '截至',
        '在招岗位',
        '已招满',
        '超 7 天未确认',
        '计划招',
        '已录用',
        '求职登记',
        '投递',
        '录用',
        '定岗',
        '到岗',
      ],
      rows: [
        [
          asOf,
          f.vacancies.open,
          f.vacancies.full,
          f.vacancies.stale,
          f.vacancies.headcount,
          f.vacancies.filled,
          f.seekers,
          f.applications,
          f.offers,
          f.hires,
          f.arrivals,
        ],
      ],
    },
    {
      name: '按地区',
      header: ['县（区）', '区划代码', ...groupHeader],
      rows: f.byRegion.map((g) => [
        g.regionName,
        g.regionCode,
        g.open,
        g.headcount,
        g.filled,
        gap(g),
        g.applications,
      ]),
    },
    {
      name: '按行业',
      header: ['行业', ...groupHeader],
      rows: f.byIndustry.map((g) => [g.industry, g.open, g.headcount, g.filled, gap(g), g.applications]),
    },
    {
      name: '按规模',
      header: ['规模', '企业数', '在招岗位', '计划招', '已录用'],
      rows: [
        ...f.bySize.map((g) => [sizeLabel(g.size), g.firms, g.open, g.headcount, g.filled]),
        [],
        ['重点企业', f.keyFirms.firms, '缺工企业', f.keyFirms.lacking, `缺 ${f.keyFirms.gap} 人`],
      ],
    },
    {
      name: '缺工企业',
      header: ['排名', '企业', '规模', '重点企业', '行业', '缺口'],
      rows: f.shortage.map((s, i) => [
        i + 1,
        s.enterpriseName,
        sizeLabel(s.size),
        s.key ? '是' : '',
        s.industry,
        s.gap,
      ]),
    },
  ];
}

/** Streams the workbook to `out` one committed row at a time (ExcelJS's streaming writer). */
async function writeWorkbook(out: Writable, sheets: Sheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.header.map((_, i) => ({ width: i === 1 && s.name === '缺工企业' ? 30 : 14 }));
    const head = ws.addRow(s.header);
    head.font = { bold: true };
    head.commit();
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
}

/** The download: the first bytes leave at once; a failure mid-way ends the stream with an error. */
export function figuresWorkbook(f: LabourFigures, asOf: string, onError: (err: unknown) => void) {
  const out = new PassThrough();
  writeWorkbook(out, figureSheets(f, asOf)).catch((err) => {
    onError(err);
    out.destroy(err as Error);
  });
  return { raw: true as const, contentType: XLSX, filename: `用工缺口-${asOf}.xlsx`, body: out };
}

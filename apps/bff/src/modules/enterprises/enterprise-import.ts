import ExcelJS from 'exceljs';
import {
  enterpriseInputSchema,
  type EnterpriseImportReport,
  type EnterpriseInput,
  type ImportRowIssue,
} from '@fugong/contracts';
import { DomainError } from '../../errors';
import type { EnterpriseRepository } from './enterprise.repository';
import { parseCsv } from './csv';

/** Column headings accepted for each field (what municipal sheets actually call them). */
const HEADERS: Record<keyof EnterpriseInput, string[]> = {
  name: ['企业名称', '名称', 'name'],
  creditCode: ['统一社会信用代码', '信用代码', 'creditcode'],
  industry: ['所属行业', '行业', 'industry'],
  size: ['企业规模', '规模', 'size'],
  regionCode: ['行政区划代码', '区划代码', 'regioncode'],
  address: ['地址', '企业地址', 'address'],
  headcount: ['职工人数', '员工人数', '职工总数', 'headcount'],
};
const REQUIRED: (keyof EnterpriseInput)[] = [
  'name',
  'creditCode',
  'industry',
  'size',
  'regionCode',
  'headcount',
];
const FIELD_LABELS: Record<string, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  industry: '所属行业',
  size: '企业规模',
  regionCode: '行政区划代码',
  address: '地址',
  headcount: '职工人数',
};
const SIZES: Record<string, string> = {
  规上: 'above',
  规模以上: 'above',
  above: 'above',
  规下: 'below',
  规模以下: 'below',
  below: 'below',
};
export const MAX_IMPORT_ROWS = 5000;

/** A sheet as numbered rows: `row` is the number the person sees in Excel (header = 1). */
export type SheetRow = { row: number; cells: string[] };

export async function readRows(format: 'xlsx' | 'csv', data: Buffer): Promise<SheetRow[]> {
  if (format === 'csv') {
    try {
      return parseCsv(data.toString('utf8')).map((cells, i) => ({ row: i + 1, cells }));
    } catch (err) {
      throw new DomainError('VALIDATION_ERROR', (err as Error).message, [
        { path: 'dataBase64', message: (err as Error).message, code: 'invalid_csv' },
      ]);
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION_ERROR', '无法读取该 Excel 文件（请另存为 .xlsx 后重试）', [
      { path: 'dataBase64', message: '不是有效的 xlsx 文件', code: 'invalid_xlsx' },
    ]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c += 1) cells.push(r.getCell(c).text ?? '');
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function mapHeader(cells: string[]): Map<keyof EnterpriseInput, number> {
  const map = new Map<keyof EnterpriseInput, number>();
  cells.forEach((raw, index) => {
    const h = raw.trim().toLowerCase();
    for (const [field, names] of Object.entries(HEADERS))
      if (names.includes(h)) map.set(field as keyof EnterpriseInput, index);
  });
  return map;
}

export type RegistryColumns = Map<keyof EnterpriseInput, number>;

/** The columns of a registry sheet from its header row; a missing required column is a 400. */
export function registryColumns(header: string[]): RegistryColumns {
  const columns = mapHeader(header);
  const missing = REQUIRED.filter((f) => !columns.has(f));
  if (missing.length) {
    throw new DomainError(
      'VALIDATION_ERROR',
      `缺少列：${missing.map((f) => FIELD_LABELS[f]).join('、')}`,
      missing.map((f) => ({ path: f, message: `缺少“${FIELD_LABELS[f]}”列`, code: 'missing_column' })),
    );
  }
  return columns;
}

/** One data row validated on its own: the registry input, or each field's Chinese reason. */
export function parseRegistryRow(
  columns: RegistryColumns,
  cells: string[],
): { ok: true; input: EnterpriseInput } | { ok: false; issues: { field: string; reason: string }[] } {
  const raw: Record<string, unknown> = {};
  for (const [field, index] of columns) raw[field] = (cells[index] ?? '').trim();
  const empty = REQUIRED.filter((f) => raw[f] === '');
  if (empty.length)
    return { ok: false, issues: empty.map((f) => ({ field: FIELD_LABELS[f], reason: '不能为空' })) };
  raw.size = SIZES[String(raw.size)] ?? raw.size;
  const parsed = enterpriseInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return { field: FIELD_LABELS[field] ?? field, reason: issue.message };
    }),
  };
}

/** The reason a row repeats an earlier row's credit code. */
export const duplicateRowReason = (earlierRow: number) => ({
  field: FIELD_LABELS.creditCode,
  reason: `与第 ${earlierRow} 行的统一社会信用代码重复`,
});

/**
 * Imports enterprises from a spreadsheet. Every data row is validated on its own; rejected rows
 * are reported with their row number, field and a Chinese reason, the rest are upserted in one
 * bulkWrite keyed on the credit code — so importing the same sheet twice updates, never duplicates.
 */
export async function importEnterprises(
  repo: EnterpriseRepository,
  format: 'xlsx' | 'csv',
  dataBase64: string,
): Promise<EnterpriseImportReport> {
  const rows = await readRows(format, Buffer.from(dataBase64, 'base64'));
  const header = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header)
    throw new DomainError('VALIDATION_ERROR', '文件是空的', [
      { path: 'dataBase64', message: '没有任何数据', code: 'empty' },
    ]);
  const columns = registryColumns(header.cells);
  const data = rows.filter((r) => r.row > header.row && r.cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_IMPORT_ROWS)
    throw new DomainError('VALIDATION_ERROR', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  const rejected: ImportRowIssue[] = [];
  const accepted = new Map<string, { row: number; input: EnterpriseInput }>();
  for (const { row, cells } of data) {
    const parsed = parseRegistryRow(columns, cells);
    if (!parsed.ok) {
      for (const issue of parsed.issues) rejected.push({ row, ...issue });
      continue;
    }
    const earlier = accepted.get(parsed.input.creditCode);
    if (earlier) {
      rejected.push({ row, ...duplicateRowReason(earlier.row) });
      continue;
    }
    accepted.set(parsed.input.creditCode, { row, input: parsed.input });
  }
  const { inserted, updated } = await repo.bulkUpsert([...accepted.values()].map((a) => a.input));
  return { totalRows: data.length, inserted, updated, rejected };
}

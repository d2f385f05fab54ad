import type { ImportRowIssue, SubsidyImportInput, SubsidyImportReport } from '@fugong/contracts';
import { DomainError } from '../../errors';
import { parseCsv, readRows, type SheetRow } from '../enterprises';
import {
  AGENCY_KIND_WORDS,
  CATEGORY_WORDS,
  CHARTER_HEADERS,
  FIRM_KIND_WORDS,
  PLACEMENT_HEADERS,
  PREMIUM_HEADERS,
  PROGRAMME_WORDS,
  ROSTER_HEADERS,
  RowCheck,
  TRAINING_HEADERS,
  type Cells,
} from './import-rows';
import type { PersonFactKind, PersonRow, PremiumRow, RosterRow } from './fact.repository';

export const MAX_FACT_ROWS = 20_000;

/**
 * What an import needs from outside: enterprise ids by credit code, the hash that keys a person,
 * and whether a code is a place a charter may start from.
 */
export interface ImportPorts {
  enterpriseIds(creditCodes: string[]): Promise<Map<string, string>>;
  personKey(idNumber: string): string;
  charterOrigin(regionCode: string): boolean;
}

/** Decodes CSV bytes: as asked, else UTF-8 when the bytes are valid UTF-8, else GBK (Excel on Chinese Windows). */
export function decodeCsv(
  data: Buffer,
  asked?: 'utf-8' | 'gbk',
): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (asked) return { text: new TextDecoder(asked).decode(data), encoding: asked };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(data), encoding: 'gbk' };
  }
}

async function sheetRows(
  input: SubsidyImportInput,
): Promise<{ rows: SheetRow[]; encoding: 'utf-8' | 'gbk' | null }> {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (input.format === 'xlsx') return { rows: await readRows('xlsx', data), encoding: null };
  const { text, encoding } = decodeCsv(data, input.encoding);
  try {
    return { rows: parseCsv(text).map((cells, i) => ({ row: i + 1, cells })), encoding };
  } catch (err) {
    throw new DomainError('VALIDATION_ERROR', (err as Error).message, [
      { path: 'dataBase64', message: (err as Error).message, code: 'invalid_csv' },
    ]);
  }
}

function mapColumns(header: string[], names: Record<string, readonly string[]>): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((raw, i) => {
    const h = raw.trim();
    for (const [field, list] of Object.entries(names)) if (list.includes(h)) map.set(field, i);
  });
  const missing = Object.keys(names).filter((f) => !map.has(f) && f !== 'contractEnd');
  if (missing.length > 0) {
    const labels = missing.map((f) => names[f]![0]!);
    throw new DomainError(
      'VALIDATION_ERROR',
      `缺少列：${labels.join('、')}`,
      missing.map((f, i) => ({ path: f, message: `缺少“${labels[i]}”列`, code: 'missing_column' })),
    );
  }
  return map;
}

/** Rows rejected: the whole file is refused with every problem listed, and nothing is written. */
function refuse(rejected: ImportRowIssue[]): never {
  const shown = rejected.slice(0, 200);
  throw new DomainError(
    'VALIDATION_ERROR',
    `有 ${new Set(rejected.map((r) => r.row)).size} 行数据有误，本次未导入任何数据，请修改后重新导入`,
    shown.map((r) => ({ path: `第 ${r.row} 行·${r.field}`, message: r.reason, code: 'invalid_row', ...r })),
  );
}

type Parsed<T> = { row: number; creditCode: string; value: T; dupKey: string };

/**
 * Reads and checks every row of a roster or premiums file. Any bad row refuses the whole file
 * (a half-imported roster would compute a wrong list without anyone noticing); a good file is
 * returned as rows ready for FactRepository.replacePeriod.
 */
export type ParsedFacts = { encoding: 'utf-8' | 'gbk' | null; totalRows: number } & (
  | { kind: 'roster'; rows: RosterRow[] }
  | { kind: 'premiums'; rows: PremiumRow[] }
  | { kind: PersonFactKind; rows: PersonRow[] }
);

type RowValue = { key: string; value: object } | undefined;

/** Each kind's columns and how one checked row becomes a value (and its duplicate key within the firm). */
const KINDS: Record<
  SubsidyImportInput['kind'],
  { headers: Record<string, readonly string[]>; value(check: RowCheck, ports: ImportPorts): RowValue }
> = {
  roster: { headers: ROSTER_HEADERS, value: rosterValue },
  premiums: { headers: PREMIUM_HEADERS, value: premiumValue },
  placements: { headers: PLACEMENT_HEADERS, value: placementValue },
  trainings: { headers: TRAINING_HEADERS, value: trainingValue },
  charters: { headers: CHARTER_HEADERS, value: charterValue },
};

export async function parseFactFile(input: SubsidyImportInput, ports: ImportPorts): Promise<ParsedFacts> {
  const { rows, encoding } = await sheetRows(input);
  const header = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header)
    throw new DomainError('VALIDATION_ERROR', '文件是空的', [
      { path: 'dataBase64', message: '没有任何数据', code: 'empty' },
    ]);
  const kind = KINDS[input.kind];
  const names = kind.headers as Record<string, readonly string[]> & { creditCode: readonly string[] };
  const columns = mapColumns(header.cells, names);
  const data = rows.filter((r) => r.row > header.row && r.cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_FACT_ROWS)
    throw new DomainError('VALIDATION_ERROR', `一次最多导入 ${MAX_FACT_ROWS} 行，请分批导入`);
  const rejected: ImportRowIssue[] = [];
  const parsed: Parsed<object>[] = [];
  for (const { row, cells } of data) {
    const named: Cells = {};
    for (const [field, i] of columns) named[field] = cells[i] ?? '';
    const check = new RowCheck(row, named, names);
    const creditCode = check.creditCode();
    const value = kind.value(check, ports);
    if (check.issues.length > 0 || creditCode === undefined || value === undefined) {
      rejected.push(...check.issues);
      continue;
    }
    parsed.push({ row, creditCode, value: value.value, dupKey: `${creditCode}|${value.key}` });
  }
  const seen = new Map<string, number>();
  for (const p of parsed) {
    const earlier = seen.get(p.dupKey);
    if (earlier !== undefined)
      rejected.push({ row: p.row, field: names.creditCode[0]!, reason: `与第 ${earlier} 行重复` });
    else seen.set(p.dupKey, p.row);
  }
  if (input.kind === 'placements') rejected.push(...agencyKindClashes(parsed));
  const ids = await ports.enterpriseIds([...new Set(parsed.map((p) => p.creditCode))]);
  for (const p of parsed)
    if (!ids.has(p.creditCode))
      rejected.push({ row: p.row, field: names.creditCode[0]!, reason: '企业库中没有该统一社会信用代码' });
  if (rejected.length > 0) refuse(rejected.sort((a, b) => a.row - b.row));
  const withIds = parsed.map((p) => ({ ...p.value, enterpriseId: ids.get(p.creditCode)! }));
  // Each kind's value function built rows of that kind's shape.
  return { kind: input.kind, rows: withIds, encoding, totalRows: data.length } as ParsedFacts;
}

/** An agency is public or licensed for all its placements: rows that disagree with its first row are refused. */
function agencyKindClashes(parsed: Parsed<object>[]): ImportRowIssue[] {
  const first = new Map<string, { row: number; kind: unknown }>();
  const issues: ImportRowIssue[] = [];
  for (const p of parsed) {
    const kind = (p.value as PersonRow).agencyKind;
    const f = first.get(p.creditCode);
    if (!f) first.set(p.creditCode, { row: p.row, kind });
    else if (f.kind !== kind)
      issues.push({
        row: p.row,
        field: PLACEMENT_HEADERS.agencyKind[0],
        reason: `机构类型与第 ${f.row} 行不一致`,
      });
  }
  return issues;
}

function placementValue(check: RowCheck, ports: ImportPorts): RowValue {
  const agencyKind = check.choice('agencyKind', AGENCY_KIND_WORDS);
  const idNumber = check.idNumber();
  const category = check.choice('category', CATEGORY_WORDS);
  const verified = check.yesNo('verified');
  if (!agencyKind || !idNumber || !category || verified === undefined) return undefined;
  const personKey = ports.personKey(idNumber);
  return { key: personKey, value: { personKey, agencyKind, category, verified } };
}

function trainingValue(check: RowCheck, ports: ImportPorts): RowValue {
  const firmKinds = check.choices('firmKinds', FIRM_KIND_WORDS);
  const idNumber = check.idNumber();
  const programme = check.choice('programme', PROGRAMME_WORDS);
  if (!firmKinds || !idNumber || !programme) return undefined;
  const personKey = ports.personKey(idNumber);
  return { key: `${personKey}|${programme}`, value: { personKey, firmKinds, programme } };
}

function charterValue(check: RowCheck, ports: ImportPorts): RowValue {
  const tripId = check.token('tripId');
  const originRegion = check.region('originRegion', ports.charterOrigin);
  const idNumber = check.idNumber();
  if (!tripId || !originRegion || !idNumber) return undefined;
  const personKey = ports.personKey(idNumber);
  return { key: `${tripId}|${personKey}`, value: { personKey, tripId, originRegion } };
}

function rosterValue(check: RowCheck, ports: ImportPorts): RowValue {
  const idNumber = check.idNumber();
  const hiredOn = check.day('hiredOn');
  const contractStart = check.day('contractStart');
  const contractEnd = check.day('contractEnd');
  const insured = check.yesNo('insured');
  if (contractStart && contractEnd && contractEnd < contractStart)
    check.note('contractEnd', '劳动合同终止日期早于起始日期');
  if (!idNumber || !hiredOn || !contractStart || contractEnd === undefined || insured === undefined)
    return undefined;
  const personKey = ports.personKey(idNumber);
  return { key: personKey, value: { personKey, hiredOn, contractStart, contractEnd, insured } };
}

function premiumValue(check: RowCheck): RowValue {
  const sme = check.yesNo('sme');
  const insuredAtStart = check.count('insuredAtStart');
  const layoffs = check.count('layoffs');
  const premiumsPaidFen = check.fen('premiumsYuan');
  if (
    sme === undefined ||
    insuredAtStart === undefined ||
    layoffs === undefined ||
    premiumsPaidFen === undefined
  )
    return undefined;
  return { key: '', value: { sme, insuredAtStart, layoffs, premiumsPaidFen } };
}

export type { SubsidyImportReport };

import type { Readable } from 'node:stream';
import {
  maskPhone,
  ROLE_GRANT_COLUMNS,
  ROLE_GRANT_MAX_ROWS,
  roleGrantRowSchema,
  type RoleGrantRow,
} from '@fugong/contracts';
import { DomainError } from '../../errors';
import { csvRows, xlsxRows, type SheetRow } from '../enterprises';

/** One data row of a bulk-grant sheet after its own checks: a grant to try, or the reason it is refused. */
export interface CheckedGrantRow {
  row: number;
  /** The phone in clear while the request runs (to find the account); never stored or answered. */
  phone: string;
  phoneMasked: string;
  role: string;
  scope: string;
  grant: RoleGrantRow | null;
  reason: string;
}

type Column = keyof typeof ROLE_GRANT_COLUMNS;
const FIELD_LABELS: Record<Column, string> = { phone: '手机号', role: '角色', scope: '范围', note: '备注' };

function columnsOf(header: string[]): Map<Column, number> {
  const map = new Map<Column, number>();
  header.forEach((raw, i) => {
    const h = raw.trim();
    for (const [field, names] of Object.entries(ROLE_GRANT_COLUMNS) as [Column, readonly string[]][])
      if (names.includes(h) && !map.has(field)) map.set(field, i);
  });
  const missing = (['phone', 'role'] as const).filter((f) => !map.has(f));
  if (missing.length > 0) {
    const labels = missing.map((f) => FIELD_LABELS[f]);
    throw new DomainError(
      'VALIDATION_ERROR',
      `缺少列：${labels.join('、')}（首行应为：手机号、角色、范围、备注）`,
      missing.map((f) => ({ path: f, message: `缺少“${FIELD_LABELS[f]}”列`, code: 'missing_column' })),
    );
  }
  return map;
}

const tooMany = () =>
  new DomainError('VALIDATION_ERROR', `表格超过 ${ROLE_GRANT_MAX_ROWS} 行，请分批上传`, [
    { path: 'file', message: `最多 ${ROLE_GRANT_MAX_ROWS} 行`, code: 'too_many_rows' },
  ]);

/** A row's cells checked by meaning; a repeat of an earlier row's phone and role is refused. */
function check(columns: Map<Column, number>, r: SheetRow, seen: Map<string, number>): CheckedGrantRow {
  const cell = (f: Column) => (r.cells[columns.get(f) ?? -1] ?? '').trim();
  const phoneText = cell('phone').replace(/[\s-]/g, '');
  const base = {
    row: r.row,
    phone: phoneText,
    phoneMasked: maskPhone(phoneText.slice(-11)),
    role: cell('role').slice(0, 20),
    scope: cell('scope').slice(0, 60),
  };
  const parsed = roleGrantRowSchema.safeParse({
    phone: cell('phone'),
    role: cell('role'),
    scope: cell('scope'),
    note: cell('note'),
  });
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) => `${FIELD_LABELS[(i.path[0] as Column) ?? 'phone'] ?? ''}：${i.message}`)
      .join('；');
    return { ...base, grant: null, reason };
  }
  const grant = parsed.data;
  const key = `${grant.phone}:${grant.role}`;
  const earlier = seen.get(key);
  if (earlier !== undefined)
    return { ...base, grant: null, reason: `与第 ${earlier} 行重复（同一手机号、同一角色）` };
  seen.set(key, r.row);
  return { ...base, phone: grant.phone, phoneMasked: maskPhone(grant.phone), grant, reason: '' };
}

/**
 * Reads a bulk-grant sheet (xlsx, or CSV in UTF-8 or GBK/GB18030: the registry import's readers)
 * and checks every row before anything is written, so a sheet over the row limit or without its
 * columns is refused whole. Rows are numbered as Excel shows them (header = 1).
 */
export async function readGrantSheet(
  format: 'csv' | 'xlsx',
  stream: Readable,
  asked: 'utf-8' | 'gb18030' | 'gbk' | undefined,
): Promise<{ rows: CheckedGrantRow[]; encoding: string | null }> {
  let encoding: string | null = null;
  const source = format === 'csv' ? csvRows(stream, asked, (e) => (encoding = e)) : xlsxRows(stream);
  let columns: Map<Column, number> | null = null;
  const seen = new Map<string, number>();
  const rows: CheckedGrantRow[] = [];
  for await (const r of source) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (!columns) {
      columns = columnsOf(r.cells);
      continue;
    }
    if (rows.length >= ROLE_GRANT_MAX_ROWS) throw tooMany();
    rows.push(check(columns, r, seen));
  }
  if (!columns)
    throw new DomainError('VALIDATION_ERROR', '文件是空的', [
      { path: 'file', message: '没有任何数据', code: 'empty' },
    ]);
  return { rows, encoding };
}

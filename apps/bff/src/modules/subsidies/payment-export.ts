import ExcelJS from 'exceljs';
import { SUBSIDY_POLICY_LABELS } from '@fugong/contracts';
import type { RawResponse } from '../../http/route';
import type { PaymentRecord } from './payment.repository';
import { csvCell } from '../../http/csv';

const HEADER = ['序号', '政策', '期次', '企业名称', '统一社会信用代码', '金额（元）', '状态', '支付凭证号'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cells(rows: PaymentRecord[]): (string | number)[][] {
  return rows.map((p, i) => [
    i + 1,
    SUBSIDY_POLICY_LABELS[p.policy],
    p.period,
    p.enterpriseName,
    p.creditCode,
    (p.amountFen / 100).toFixed(2),
    p.status === 'paid' ? '已支付' : '待支付',
    p.reference ?? '',
  ]);
}

/**
 * The payment list (支付清单) as CSV (UTF-8 with BOM, so Excel shows the Chinese) or .xlsx, the
 * same shape and cell rules as the passenger-manifest export; amounts in yuan with two decimals.
 */
export async function exportPayments(
  name: string,
  rows: PaymentRecord[],
  format: 'csv' | 'xlsx',
): Promise<RawResponse> {
  const total = rows.reduce((s, p) => s + p.amountFen, 0);
  const body = [...cells(rows), ['', '合计', '', '', '', (total / 100).toFixed(2), '', '']];
  if (format === 'csv') {
    const lines = [HEADER, ...body].map((row) => row.map(csvCell).join(','));
    return {
      raw: true,
      contentType: 'text/csv; charset=utf-8',
      filename: `${name}.csv`,
      body: `\uFEFF${lines.join('\r\n')}\r\n`,
    };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支付清单');
  ws.addRow(HEADER).font = { bold: true };
  for (const row of body) ws.addRow(row);
  ws.columns.forEach((c, i) => (c.width = i === 3 ? 30 : 16));
  return {
    raw: true,
    contentType: XLSX,
    filename: `${name}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

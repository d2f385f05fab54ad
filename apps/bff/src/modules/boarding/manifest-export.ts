import ExcelJS from 'exceljs';
import { BOOKING_STATUS_LABELS } from '@fugong/contracts';
import { CHINA_TIME_ZONE } from '@fugong/domain';
import type { RawResponse } from '../../http/route';
import type { TripRecord } from '../trips';
import type { ExportManifestRow } from './boarding.service';
import { csvCell } from '../../http/csv';

const HEADER = ['序号', '姓名', '手机号', '身份证号', '状态', '上车点', '座位号', '上车体温', '上车时间'];

const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: CHINA_TIME_ZONE, hour12: false }) : '';

function cells(rows: ExportManifestRow[]): (string | number)[][] {
  return rows.map((r, i) => [
    i + 1,
    r.name ?? '',
    r.phone ?? '',
    r.idNumber ?? '',
    BOOKING_STATUS_LABELS[r.status] ?? r.status,
    r.pickupPoint,
    r.seatNo ?? '',
    r.boardingTemperature ?? '',
    time(r.boardedAt),
  ]);
}

/** The manifest as CSV (UTF-8 with BOM so Excel shows the Chinese) or as an .xlsx workbook. */
export async function exportManifest(
  trip: TripRecord,
  rows: ExportManifestRow[],
  format: 'csv' | 'xlsx',
  full: boolean,
): Promise<RawResponse> {
  const base = `乘客名单${full ? '（完整）' : '（脱敏）'}-${trip.originName}-${trip.travelDay}-${trip.vehicle.plate}`;
  if (format === 'csv') {
    const lines = [HEADER, ...cells(rows)].map((row) => row.map(csvCell).join(','));
    return {
      raw: true,
      contentType: 'text/csv; charset=utf-8',
      filename: `${base}.csv`,
      body: `\uFEFF${lines.join('\r\n')}\r\n`,
    };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('乘客名单');
  ws.addRow(HEADER).font = { bold: true };
  for (const row of cells(rows)) ws.addRow(row);
  ws.columns.forEach((c) => (c.width = 16));
  return {
    raw: true,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${base}.xlsx`,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { regionLabel } from '@fugong/contracts';
import { regionKey, townOf } from '@fugong/domain';
import type { Logger } from 'pino';
import type { RawResponse } from '../../http/route';
import type { DashboardService, SummaryQuery } from '../dashboard';
import type { RegistryRow } from '../enterprises';
import type { ReportRow } from '../reopening';
import type { Types } from 'mongoose';
import { ENTERPRISE_HEADER, enterpriseRow, reportSheets, type ReportSection } from './report-sections';
import { csvLine } from '../../http/csv';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BATCH = 1000;

type Row = (string | number | null)[];

/** What the export reads beside the summary: the registry's rows and each one's latest report. */
export interface ExportSources {
  registry: {
    registryRows(
      filter: Partial<Pick<RegistryRow, 'regionCode' | 'industry' | 'size'>>,
      batchSize: number,
    ): AsyncIterable<RegistryRow>;
  };
  reports: { latestUpTo(enterpriseIds: Types.ObjectId[], day: string): Promise<Map<string, ReportRow>> };
}

/**
 * The daily report (日报) as a streamed download. The figure sheets come from the same rollups as
 * the page; the per-enterprise sheet is read from the registry in batches and written row by row,
 * so memory stays flat however many enterprises there are.
 *
 * Why a streamed response rather than an export job: the first bytes leave at once (the figure
 * sheets), so no proxy times out on a quiet connection and the browser shows the download
 * growing; the whole city's 27,800 enterprises take seconds, not minutes (see
 * docs/benchmarks.md); and no job state or temporary file has to live on one BFF instance
 * when several serve the city. A failed download is simply requested again.
 */
export class ExportService {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly sources: ExportSources,
    private readonly logger: Logger | null = null,
  ) {}

  async export(q: SummaryQuery, format: 'xlsx' | 'csv'): Promise<RawResponse> {
    const summary = await this.dashboard.summary(q);
    const out = new PassThrough();
    const name = `复工日报-${summary.asOf}`;
    const work = format === 'xlsx' ? this.writeXlsx(out, summary, q) : this.writeCsv(out, summary, q);
    work.catch((err) => {
      this.logger?.error({ err }, 'dashboard.export.failed');
      out.destroy(err as Error);
    });
    return format === 'xlsx'
      ? { raw: true, contentType: XLSX, filename: `${name}.xlsx`, body: out }
      : { raw: true, contentType: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: out };
  }

  /** Writes the whole workbook to `out`; resolves once the file is complete. */
  async writeXlsx(
    out: Writable,
    summary: Awaited<ReturnType<DashboardService['summary']>>,
    q: SummaryQuery,
  ): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    for (const { sheet, sections } of reportSheets(summary)) {
      const ws = wb.addWorksheet(sheet);
      ws.columns = Array.from({ length: 9 }, () => ({ width: 16 }));
      for (const s of sections) writeSection(ws, s);
      ws.commit();
    }
    const ws = wb.addWorksheet('企业明细');
    ws.columns = ENTERPRISE_HEADER.map((_, i) => ({ width: i < 2 ? 30 : 14 }));
    const head = ws.addRow(ENTERPRISE_HEADER);
    head.font = { bold: true };
    head.commit();
    for await (const row of this.enterpriseRows(q, summary.asOf)) ws.addRow(row).commit();
    ws.commit();
    await wb.commit();
  }

  /** Writes the CSV (UTF-8 with BOM so Excel shows the Chinese): titled blocks, then the enterprise list. */
  async writeCsv(
    out: Writable,
    summary: Awaited<ReturnType<DashboardService['summary']>>,
    q: SummaryQuery,
  ): Promise<void> {
    let buf = '\uFEFF';
    for (const { sheet, sections } of reportSheets(summary)) {
      for (const s of sections)
        buf +=
          csvLine([`【${sheet}】${s.title}`]) + csvLine(s.header) + s.rows.map(csvLine).join('') + '\r\n';
    }
    buf += csvLine(['【企业明细】']) + csvLine(ENTERPRISE_HEADER);
    await write(out, buf);
    let chunk = '';
    for await (const row of this.enterpriseRows(q, summary.asOf)) {
      chunk += csvLine(row);
      if (chunk.length > 64_000) {
        await write(out, chunk);
        chunk = '';
      }
    }
    out.end(chunk);
  }

  /** Every enterprise in the filter with its latest report up to `date`, read a batch at a time. */
  private async *enterpriseRows(q: SummaryQuery, date: string): AsyncGenerator<Row> {
    const query: Parameters<ExportSources['registry']['registryRows']>[0] = {};
    if (q.region) query.regionCode = q.region.split(':')[0];
    if (q.industry) query.industry = q.industry;
    if (q.size) query.size = q.size;
    const wantTown = q.region?.includes(':') ? q.region : null;
    let batch: RegistryRow[] = [];
    const sources = this.sources;
    const flush = async function* (this: void, list: RegistryRow[]): AsyncGenerator<Row> {
      const latest = await sources.reports.latestUpTo(
        list.map((e) => e._id),
        date,
      );
      for (const e of list) {
        const region = regionKey({ regionCode: e.regionCode, town: townOf(e.address ?? '') });
        yield enterpriseRow(
          {
            name: e.name,
            creditCode: e.creditCode,
            region: regionLabel(region),
            industry: e.industry,
            size: e.size,
          },
          latest.get(e._id.toHexString()) ?? null,
        );
      }
    };
    for await (const e of this.sources.registry.registryRows(query, BATCH)) {
      if (wantTown && regionKey({ regionCode: e.regionCode, town: townOf(e.address ?? '') }) !== wantTown)
        continue;
      batch.push(e);
      if (batch.length >= BATCH) {
        yield* flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield* flush(batch);
  }
}

function writeSection(ws: ExcelJS.Worksheet, s: ReportSection): void {
  const title = ws.addRow([s.title]);
  title.font = { bold: true, size: 12 };
  title.commit();
  const head = ws.addRow(s.header);
  head.font = { bold: true };
  head.commit();
  for (const r of s.rows) ws.addRow(r).commit();
  ws.addRow([]).commit();
}

/** Writes and waits for the stream to drain, so a slow client slows the reader instead of filling memory. */
function write(out: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(data, (err) => (err ? reject(err) : undefined))) resolve();
    else out.once('drain', resolve);
  });
}

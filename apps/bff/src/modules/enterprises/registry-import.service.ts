import {
  IMPORT_OUTCOME_LABELS,
  REGISTRY_FILE_MAX_BYTES,
  type EnterpriseInput,
  type RegistryImport,
} from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { DomainError, notFound } from '../../errors';
import type { FilePart, MultipartBody } from '../../http/multipart';
import { pullLines } from '../../http/pull-stream';
import type { RawResponse } from '../../http/route';
import type { EnterpriseRepository } from './enterprise.repository';
import {
  duplicateRowReason,
  parseRegistryRow,
  registryColumns,
  type RegistryColumns,
  type SheetRow,
} from './enterprise-import';
import type {
  RegistryImportRecord,
  RegistryImportRepository,
  ReportLine,
} from './registry-import.repository';
import { csvRows, sheetFormatOf, xlsxRows } from './sheet-stream';
import { csvLine } from '../../http/csv';

/** Rows written per database round trip: big enough to be quick, small enough to keep memory flat. */
const BATCH = 500;

const view = (r: RegistryImportRecord): RegistryImport => ({
  id: r.id,
  filename: r.filename,
  format: r.format,
  encoding: r.encoding,
  status: r.status,
  totalRows: r.totalRows,
  created: r.created,
  updated: r.updated,
  refused: r.refused,
  error: r.error,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
});

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
/**
 * The enterprise registry streamed in from an upload: rows are read as the file arrives, validated
 * one by one and upserted in batches on the credit code (each row one document write, so a row is
 * applied whole or refused whole), with a report line per row for the download.
 */
export class RegistryImportService {
  constructor(
    private readonly imports: RegistryImportRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async upload(
    actor: Actor,
    encoding: 'utf-8' | 'gb18030' | 'gbk' | undefined,
    body: MultipartBody,
    requestId: string,
  ): Promise<RegistryImport> {
    let id: string | null = null;
    await body.files(
      async (part) => {
        const format = sheetFormatOf(part.filename);
        id = await this.imports.start({
          actorId: actor.id,
          filename: part.filename,
          format,
          now: this.clock.now(),
        });
        await this.run(id, format, part, encoding);
      },
      { maxFileBytes: REGISTRY_FILE_MAX_BYTES, maxFiles: 1, fields: ['file'] },
    );
    if (!id)
      throw new DomainError('VALIDATION_ERROR', '请选择名录文件', [
        { path: 'file', message: '缺少文件', code: 'required' },
      ]);
    const done = (await this.imports.findById(id))!;
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'enterprises.registry.import',
      subjectType: 'registry_import',
      subjectId: id,
      fields: [`created:${done.created}`, `updated:${done.updated}`, `refused:${done.refused}`],
      requestId,
    });
    return view(done);
  }

  private async run(
    id: string,
    format: 'csv' | 'xlsx',
    part: FilePart,
    asked: 'utf-8' | 'gb18030' | 'gbk' | undefined,
  ) {
    const rows =
      format === 'csv'
        ? csvRows(part.stream, asked, (enc) => void this.imports.setEncoding(id, enc))
        : xlsxRows(part.stream);
    let columns: RegistryColumns | null = null;
    const seen = new Map<string, number>(); // credit code → first row: a repeat in the file is refused
    let batch: { row: SheetRow; input: EnterpriseInput | null; line: ReportLine }[] = [];
    try {
      for await (const r of rows) {
        if (blank(r.cells)) continue;
        if (!columns) {
          columns = registryColumns(r.cells);
          continue;
        }
        batch.push(this.judge(columns, r, seen));
        if (batch.length >= BATCH) {
          await this.flush(id, batch);
          batch = [];
        }
      }
      await this.flush(id, batch);
      if (part.truncated())
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `文件超过 ${REGISTRY_FILE_MAX_BYTES / 1024 / 1024} MB，请分批导入`,
        );
      if (!columns)
        throw new DomainError('VALIDATION_ERROR', '文件是空的', [
          { path: 'file', message: '没有任何数据', code: 'empty' },
        ]);
      await this.imports.finish(id, 'done', null, this.clock.now());
    } catch (err) {
      part.stream.resume(); // let the rest of the upload drain so the request can answer
      await this.imports.finish(id, 'failed', (err as Error).message.slice(0, 300), this.clock.now());
      throw err;
    }
    part.stream.resume(); // an xlsx's later parts (other sheets) are not needed
  }

  private judge(columns: RegistryColumns, r: SheetRow, seen: Map<string, number>) {
    const parsed = parseRegistryRow(columns, r.cells);
    const cell = (f: 'creditCode' | 'name') => (r.cells[columns.get(f) ?? -1] ?? '').trim().slice(0, 100);
    const base = { row: r.row, creditCode: cell('creditCode'), name: cell('name') };
    if (!parsed.ok) {
      const reason = parsed.issues.map((i) => `${i.field}：${i.reason}`).join('；');
      return { row: r, input: null, line: { ...base, outcome: 'refused' as const, reason } };
    }
    const earlier = seen.get(parsed.input.creditCode);
    if (earlier !== undefined) {
      const d = duplicateRowReason(earlier);
      return {
        row: r,
        input: null,
        line: { ...base, outcome: 'refused' as const, reason: `${d.field}：${d.reason}` },
      };
    }
    seen.set(parsed.input.creditCode, r.row);
    return { row: r, input: parsed.input, line: { ...base, outcome: 'created' as const, reason: '' } };
  }

  private async flush(id: string, batch: { input: EnterpriseInput | null; line: ReportLine }[]) {
    if (batch.length === 0) return;
    const valid = batch.filter((b) => b.input);
    const outcomes = await this.enterprises.upsertEach(valid.map((b) => b.input!));
    valid.forEach((b, i) => {
      const o = outcomes[i];
      b.line = { ...b.line, outcome: o.outcome, reason: o.outcome === 'refused' ? o.reason : '' };
    });
    const lines = batch.map((b) => b.line);
    const count = (o: ReportLine['outcome']) => lines.filter((l) => l.outcome === o).length;
    await this.imports.recordBatch(id, lines, {
      totalRows: lines.length,
      created: count('created'),
      updated: count('updated'),
      refused: count('refused'),
    });
  }

  async get(id: string): Promise<RegistryImport> {
    const r = await this.imports.findById(id);
    if (!r) throw notFound('该导入记录');
    return view(r);
  }

  async list(): Promise<{ items: RegistryImport[] }> {
    return { items: (await this.imports.recent()).map(view) };
  }

  /** The per-row report as CSV (UTF-8 with BOM, so Excel opens it in Chinese), streamed; audited as an export. */
  async report(actor: Actor, id: string, requestId: string): Promise<RawResponse> {
    const r = await this.imports.findById(id);
    if (!r) throw notFound('该导入记录');
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'enterprises.registry.report',
      subjectType: 'registry_import',
      subjectId: id,
      fields: [],
      requestId,
    });
    const cursor = this.imports.reportCursor(id);
    const body = pullLines('\ufeff行号,统一社会信用代码,企业名称,结果,原因\r\n', {
      next: async () => {
        const l = await cursor.next();
        if (!l) return null;
        const cells = [l.row, l.creditCode, l.name, IMPORT_OUTCOME_LABELS[l.outcome], l.reason];
        return csvLine(cells);
      },
      close: () => cursor.close(),
    });
    return {
      raw: true,
      contentType: 'text/csv; charset=utf-8',
      filename: `导入报告-${r.filename.replace(/\.[^.]+$/, '')}.csv`,
      body,
    };
  }
}

import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../errors';
import type { SheetRow } from './enterprise-import';

/**
 * Streaming readers of a registry file: rows come out as the upload streams in, so a 27,800-firm
 * sheet never sits in memory whole (the iteration's backpressure holds the upload while a batch
 * is written).
 */

/** An RFC 4180 CSV reader fed chunk by chunk: quotes, "" and line breaks may straddle chunks. */
export class CsvChunkParser {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** Inside quotes, a '"' was the last character seen: the next one decides ("" or the end). */
  private quoteSeen = false;
  /** A '\r' ended the last row: a '\n' right after it belongs to the same line end. */
  private afterCr = false;
  private started = false;

  /** Feeds text; returns the rows it completed. */
  feed(text: string): string[][] {
    const out: string[][] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1; // Excel's "CSV UTF-8" BOM
    }
    for (; i < text.length; i += 1) {
      const c = text[i];
      if (this.afterCr) {
        this.afterCr = false;
        if (c === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // the quote closed the field: read c as unquoted below
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '') this.quoted = true;
      else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
      } else if (c === '\n' || c === '\r') {
        this.afterCr = c === '\r';
        this.row.push(this.field);
        out.push(this.row);
        this.row = [];
        this.field = '';
      } else this.field += c;
    }
    return out;
  }

  /** The last row (no line end after it); throws on an unclosed quote. */
  end(): string[][] {
    if (this.quoted && !this.quoteSeen) throw new SyntaxError('CSV 中有未闭合的引号');
    if (this.field === '' && this.row.length === 0) return [];
    this.row.push(this.field);
    const last = this.row;
    this.row = [];
    this.field = '';
    return [last];
  }
}

/** A sheet's format from its file name: only .csv and .xlsx are read. */
export function sheetFormatOf(filename: string): 'csv' | 'xlsx' {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'xlsx') return ext;
  throw new DomainError('VALIDATION_ERROR', '请上传 .xlsx 或 .csv 文件', [
    { path: 'file', message: '文件类型不支持', code: 'invalid_type' },
  ]);
}

const badEncoding = () =>
  new DomainError('VALIDATION_ERROR', '文件编码无法识别，请另存为“CSV UTF-8”或 GBK 编码的 CSV', [
    { path: 'file', message: '文件编码无法识别', code: 'invalid_encoding' },
  ]);

/**
 * Picks the encoding from the first bytes: a UTF-8 BOM or valid UTF-8 means UTF-8; anything else
 * is read as GB18030 (a superset of GBK, what Chinese Excel writes for "CSV"). Chinese text in
 * GBK is almost never valid UTF-8, and the header row is Chinese.
 */
export function detectEncoding(head: Buffer): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** CSV rows of a streamed upload, numbered as Excel shows them (header = 1). */
export async function* csvRows(
  stream: Readable,
  asked: 'utf-8' | 'gb18030' | 'gbk' | undefined,
  onEncoding: (encoding: string) => void,
): AsyncGenerator<SheetRow> {
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  const parser = new CsvChunkParser();
  let row = 0;
  const numbered = (rows: string[][]) => rows.map((cells) => ({ row: (row += 1), cells }));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!decoder) {
        const encoding = asked === 'gbk' ? 'gb18030' : (asked ?? detectEncoding(chunk));
        onEncoding(encoding);
        decoder = new TextDecoder(encoding, { fatal: true });
      }
      yield* numbered(parser.feed(decoder.decode(chunk, { stream: true })));
    }
    if (decoder) yield* numbered(parser.feed(decoder.decode()));
    yield* numbered(parser.end());
  } catch (err) {
    if (err instanceof TypeError) throw badEncoding(); // TextDecoder's fatal error
    if (err instanceof SyntaxError)
      throw new DomainError('VALIDATION_ERROR', err.message, [
        { path: 'file', message: err.message, code: 'invalid_csv' },
      ]);
    throw err;
  }
}

/** A cell of the streaming reader as text: numbers, dates, rich text, formulas' results. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return cellText(o.text);
  if (o.result !== undefined) return cellText(o.result);
  return String(v);
}

/** Rows of the first worksheet of a streamed xlsx (ExcelJS's streaming reader). */
export async function* xlsxRows(stream: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (r.values as unknown[]).slice(1);
        yield { row: r.number, cells: Array.from(values, cellText) };
      }
      break; // the first worksheet is the registry
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('VALIDATION_ERROR', '无法读取该 Excel 文件（请另存为 .xlsx 后重试）', [
      { path: 'file', message: '不是有效的 xlsx 文件', code: 'invalid_xlsx' },
    ]);
  }
}

import { Readable, Transform, type TransformCallback } from 'node:stream';

import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

import { mapHeader, type ColumnKey, type HeaderMapping, type SourceRow } from './columns';

export type FileFormat = 'csv' | 'xlsx';

/** A file's header and data rows, read before anything is checked or written. */
export interface SourceTable {
  readonly header: HeaderMapping;
  readonly rows: readonly SourceRow[];
}

/** Error that makes a whole file unreadable. */
export class SourceFileError extends Error {
  constructor(
    readonly problem: 'encoding' | 'empty' | 'too_many_rows' | 'unreadable' | 'header',
    readonly text: { readonly zh: string; readonly en: string },
  ) {
    super(text.en);
    this.name = 'SourceFileError';
  }
}

/** Maximum number of data rows in one file; larger ledgers are imported in parts. */
export const MAX_ROWS = 50_000;

/** Tells the format from a file name or content type; undefined when it is neither CSV nor XLSX. */
export function formatOf(fileName: string, contentType: string | undefined): FileFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (contentType?.startsWith('text/csv')) return 'csv';
  if (contentType?.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) return 'xlsx';
  return undefined;
}

/** Reads a CSV (UTF-8, with or without a byte order mark) or the first worksheet of an XLSX file. */
export async function readSourceTable(input: Readable, format: FileFormat): Promise<SourceTable> {
  const records = format === 'csv' ? csvRecords(input) : xlsxRecords(input);
  let header: HeaderMapping | undefined;
  const rows: SourceRow[] = [];
  for await (const { row, cells } of records) {
    if (!header) {
      header = mapHeader(cells);
      if (header.missing.length > 0 || header.duplicated.length > 0) throw headerError(header);
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (rows.length >= MAX_ROWS) {
      throw new SourceFileError('too_many_rows', {
        zh: `文件超过 ${MAX_ROWS} 行数据：请拆分为多个文件分别导入`,
        en: `The file has more than ${MAX_ROWS} data rows: split it and import the parts one by one`,
      });
    }
    const values: Partial<Record<ColumnKey, string>> = {};
    header.keys.forEach((key, position) => {
      if (key !== undefined) values[key] = cells[position] ?? '';
    });
    rows.push({ row, values });
  }
  if (!header) {
    throw new SourceFileError('empty', {
      zh: '文件为空：第一行应为表头，其后每行一个隐患',
      en: 'The file is empty: the first row must be the header, then one hazard per row',
    });
  }
  return { header, rows };
}

function headerError(header: HeaderMapping): SourceFileError {
  const parts: { zh: string; en: string }[] = [];
  if (header.missing.length > 0)
    parts.push({
      zh: `缺少必需的列：${header.missing.join('、')}`,
      en: `required columns are missing: ${header.missing.join(', ')}`,
    });
  if (header.duplicated.length > 0)
    parts.push({
      zh: `列重复：${header.duplicated.join('、')}`,
      en: `columns appear twice: ${header.duplicated.join(', ')}`,
    });
  return new SourceFileError('header', {
    zh: `表头无效，${parts.map((p) => p.zh).join('；')}。模板见 docs/import-template.md`,
    en: `The header row is invalid: ${parts.map((p) => p.en).join('; ')}. See docs/import-template.md for the template`,
  });
}

/** Rejects bytes that are not UTF-8, as a CSV saved by Excel in GBK would be, before parsing them. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
      callback(null, chunk);
    } catch {
      callback(notUtf8());
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(notUtf8());
    }
  }
}

function notUtf8(): SourceFileError {
  return new SourceFileError('encoding', {
    zh: '文件不是 UTF-8 编码（Excel 默认以 GBK 保存 CSV）：请另存为“CSV UTF-8”或 XLSX 后重试',
    en: 'The file is not UTF-8 (Excel saves CSV as GBK by default): save it as "CSV UTF-8" or as XLSX and try again',
  });
}

async function* csvRecords(input: Readable): AsyncGenerator<{ row: number; cells: string[] }> {
  const check = new Utf8Check();
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true });
  // pipe() does not pass errors on, so each stage hands its error to the parser the loop reads.
  input.on('error', (error: Error) => parser.destroy(error));
  check.on('error', (error: Error) => parser.destroy(error));
  input.pipe(check).pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: record.info.lines, cells: record.record };
    }
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    throw new SourceFileError('unreadable', {
      zh: `CSV 无法解析：${describe(error)}。请检查引号是否成对`,
      en: `The CSV cannot be parsed: ${describe(error)}. Check that quotes are paired`,
    });
  }
}

/**
 * Reads the first worksheet of an XLSX. The compressed file is read whole before it is opened: exceljs's
 * streaming reader can reach a worksheet before the workbook entry stored after it, and then fails at
 * random with "Cannot read properties of undefined (reading 'sheets')". Uploads are capped in size.
 */
async function* xlsxRecords(input: Readable): AsyncGenerator<{ row: number; cells: string[] }> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array));
    const workbook = new ExcelJS.Workbook();
    const buffer = Buffer.concat(chunks);
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
    const worksheet = workbook.worksheets[0];
    if (!worksheet) return;
    const records: { row: number; cells: string[] }[] = [];
    worksheet.eachRow((row) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) {
        cells.push(cellText(values[column], row.getCell(column).numFmt));
      }
      records.push({ row: row.number, cells });
    });
    yield* records;
  } catch (error) {
    throw new SourceFileError('unreadable', {
      zh: `XLSX 无法读取：${describe(error)}。请确认文件是 Excel 2007 及以后的 .xlsx 格式`,
      en: `The XLSX cannot be read: ${describe(error)}. Check that it is an .xlsx workbook (Excel 2007 or later)`,
    });
  }
}

/**
 * Turns a cell value into the text a CSV would hold. A date cell becomes YYYY-MM-DD, or YYYY-MM when
 * its number format shows no day (a month-only date typed into Excel). Excel dates carry no time zone,
 * and exceljs returns them as UTC midnight, so the UTC fields are the date as typed.
 */
export function cellText(value: unknown, numberFormat: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    const showsDay = numberFormat === undefined || /d/i.test(numberFormat) || numberFormat === 'General';
    return showsDay ? iso.slice(0, 10) : iso.slice(0, 7);
  }
  if (typeof value === 'object') {
    const cell = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.result !== undefined) return cellText(cell.result, numberFormat);
    if (typeof cell.text === 'string') return cell.text;
    return '';
  }
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a table from an in-memory file, as tests and the benchmark do. */
export function readSourceBuffer(buffer: Buffer, format: FileFormat): Promise<SourceTable> {
  return readSourceTable(Readable.from([buffer]), format);
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';

import ExcelJS from 'exceljs';

import type { Language } from '../problems/language';
import type { ReportCase } from './case-rows';
import type { ListColumn } from './four-lists';

/**
 * Quotes a CSV field (RFC 4180) and defuses text a spreadsheet would run as a formula (a leading
 * =, +, - or @), by prefixing an apostrophe as OWASP recommends for CSV exports.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function write(output: Writable, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

/**
 * Writes a list as UTF-8 CSV with a byte order mark (so Excel reads the Chinese text), row by row,
 * waiting for the output to drain. Returns the number of data rows.
 */
export async function writeCsv(
  output: Writable,
  columns: readonly ListColumn[],
  rows: AsyncIterable<ReportCase>,
  language: Language,
): Promise<number> {
  await write(output, `\uFEFF${columns.map((c) => csvField(c.header[language])).join(',')}\r\n`);
  let count = 0;
  for await (const row of rows) {
    await write(output, `${columns.map((c) => csvField(c.value(row, language))).join(',')}\r\n`);
    count++;
  }
  output.end();
  return count;
}

/** Writes a list as an XLSX workbook with the streaming writer, committing each row as it goes. */
export async function writeXlsx(
  output: Writable,
  title: string,
  columns: readonly ListColumn[],
  rows: AsyncIterable<ReportCase>,
  language: Language,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title);
  sheet.columns = columns.map((c) => ({ header: c.header[language], width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => c.value(row, language))).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

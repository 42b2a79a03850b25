/**
 * `npm run import -- FILE [--skip-invalid] [--api URL] [--token TOKEN] [--report FILE]` imports listed
 * hazards from a CSV or XLSX file through the API's POST /imports, showing a progress bar as each
 * case's workflow starts, then a summary. The API checks the token's role and jurisdiction, so the CLI
 * has the same rights as the person whose token it sends.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import { Presets, SingleBar } from 'cli-progress';

const USAGE = `Usage: npm run import -- FILE [--skip-invalid] [--api URL] [--token TOKEN] [--report FILE]
  FILE            CSV (UTF-8) or XLSX with the columns of docs/import-template.md
  --skip-invalid  import the valid rows and report the others (default: reject the file if any row is invalid)
  --api           API base URL (default: DUBAN_API_URL, else http://127.0.0.1:PORT, PORT defaulting to 3000)
  --token         bearer token (default: DUBAN_TOKEN); make one with npm run token
  --report        also write the full JSON summary to this file`;

interface CaseLine {
  readonly type: 'case';
  readonly caseNumber: string;
  readonly rows: readonly number[];
  readonly status: 'created' | 'existing' | 'conflict' | 'failed';
  readonly message?: string;
}

interface RowReport {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

interface SummaryLine {
  readonly type: 'summary';
  readonly rows: number;
  readonly validRows: number;
  readonly invalidRows: number;
  readonly cases: number;
  readonly created: number;
  readonly existing: number;
  readonly conflicts: number;
  readonly failed: number;
  readonly notStarted: number;
  readonly caseResults: readonly CaseLine[];
  readonly skippedRows: readonly RowReport[];
}

type StreamLine = { type: 'validated'; cases: number; rows: number; invalidRows: number } | CaseLine | SummaryLine;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'skip-invalid': { type: 'boolean', default: false },
      api: { type: 'string' },
      token: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) fail(USAGE, 0);
  const file = positionals[0];
  if (!file || positionals.length > 1) fail(`Give exactly one file.\n\n${USAGE}`);
  const api = (values.api ?? process.env.DUBAN_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`).replace(
    /\/$/,
    '',
  );
  const token = values.token ?? process.env.DUBAN_TOKEN;
  if (!token)
    fail(
      `No token: pass --token or set DUBAN_TOKEN (npm run token -- --role brigade_leader --jurisdiction CODE).\n\n${USAGE}`,
    );

  const content = await readFile(file).catch((error: unknown) => fail(`Cannot read ${file}: ${String(error)}`));
  const form = new FormData();
  form.append('file', new Blob([content]), basename(file));
  const url = `${api}/imports${values['skip-invalid'] ? '?skipInvalid=true' : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/x-ndjson',
        'accept-language': 'zh-CN, en;q=0.5',
      },
      body: form,
    });
  } catch (error) {
    fail(
      `Cannot reach the API at ${api}: ${error instanceof Error ? error.message : String(error)}. ` +
        'Start it with npm start, or give its address with --api or DUBAN_API_URL.',
    );
  }
  if (!response.ok) await reportProblem(response, values.report);
  const summary = await followProgress(response);
  if (values.report) await writeFile(values.report, `${JSON.stringify(summary, null, 2)}\n`);
  printSummary(summary, file);
  process.exit(summary.conflicts + summary.failed + summary.notStarted > 0 ? 1 : 0);
}

/** Rows of a rejected file printed on the terminal; --report saves them all. */
const ROWS_SHOWN = 40;

async function reportProblem(response: Response, reportPath: string | undefined): Promise<never> {
  const text = await response.text();
  if (reportPath) await writeFile(reportPath, text);
  let problem: { title?: string; detail?: string; rows?: RowReport[] } = {};
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {
    fail(`The API answered ${response.status}: ${text}`, 1);
  }
  console.error(`${response.status} ${problem.title ?? ''}: ${problem.detail ?? text}`);
  const rows = problem.rows ?? [];
  for (const row of rows.slice(0, ROWS_SHOWN)) console.error(`  row ${row.row}, ${row.column}: ${row.message}`);
  if (rows.length > ROWS_SHOWN) {
    console.error(
      `  … ${rows.length - ROWS_SHOWN} more${reportPath ? ` in ${reportPath}` : '; pass --report FILE to save them all'}`,
    );
  }
  const hint = response.status === 422 && rows.length > 0 ? ' Pass --skip-invalid to import only the valid rows.' : '';
  return fail(`Nothing was imported.${hint}`, 1);
}

/** Reads the NDJSON stream, advancing the bar on each case line, and returns the summary line. */
async function followProgress(response: Response): Promise<SummaryLine> {
  if (!response.body) fail('The API sent no body.', 1);
  const bar = new SingleBar(
    {
      format: 'Starting cases [{bar}] {value}/{total} | created {created} | already there {existing}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let created = 0;
  let existing = 0;
  let summary: SummaryLine | undefined;
  let buffered = '';
  const decoder = new TextDecoder();
  const handle = (text: string) => {
    if (text.trim() === '') return;
    const line = JSON.parse(text) as StreamLine;
    if (line.type === 'validated') {
      console.error(
        `${line.rows} rows checked: ${line.rows - line.invalidRows} valid, ${line.invalidRows} skipped; ${plural(line.cases, 'case')}`,
      );
      bar.start(line.cases, 0, { created, existing });
    } else if (line.type === 'case') {
      if (line.status === 'created') created++;
      if (line.status === 'existing') existing++;
      bar.increment(1, { created, existing });
    } else {
      summary = line;
    }
  };
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      handle(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
  handle(buffered);
  bar.stop();
  if (!summary)
    fail(
      'The import stopped before its summary: the connection closed early. Import the same file again to finish it.',
      1,
    );
  return summary;
}

function printSummary(summary: SummaryLine, file: string): void {
  console.log(`\n${file}: ${plural(summary.rows, 'row')}, ${plural(summary.cases, 'case')}`);
  console.log(`  created:            ${summary.created}`);
  console.log(`  already imported:   ${summary.existing}`);
  console.log(`  conflicts:          ${summary.conflicts}`);
  console.log(`  failed to start:    ${summary.failed}`);
  if (summary.notStarted > 0) console.log(`  not started:        ${summary.notStarted}`);
  console.log(`  rows skipped:       ${summary.invalidRows}`);
  for (const result of summary.caseResults.filter((r) => r.status === 'conflict' || r.status === 'failed')) {
    console.log(`  ${result.status} ${result.caseNumber} (rows ${result.rows.join(', ')}): ${result.message ?? ''}`);
  }
  const reasons = new Map<string, number[]>();
  for (const row of summary.skippedRows) {
    // Messages differ by the division code they name, so rows are grouped with the codes masked.
    const key = `${row.column}: ${row.message.replace(/\b\d{6}\b/g, '……')}`;
    reasons.set(key, [...(reasons.get(key) ?? []), row.row]);
  }
  for (const [reason, rows] of [...reasons.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const shown = rows.slice(0, 12).join(', ');
    console.log(`  ${rows.length} × ${reason}\n      rows ${shown}${rows.length > 12 ? ', …' : ''}`);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1));

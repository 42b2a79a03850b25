/**
 * Runs the hazards of the sample data set through the determination engine and writes
 * docs/determination/real-data-report.md. The hazard texts of each row are mapped to element clauses
 * in docs/determination/hazard-element-mapping.json. This script checks that mapping against the
 * CSV, proposes an outcome per row and counts the texts that matched no element.
 *
 *   node dist/scripts/determination-report.js           writes the report
 *   node dist/scripts/determination-report.js --check   exits 1 when the committed report is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  daysInMonth,
  EDITION_IDS,
  isEditionId,
  proposeDetermination,
  selectRuleSet,
  type DeterminationProposal,
  type EditionId,
} from '@duban/domain';
import { projectRoot } from '@duban/temporal';

export const CSV_PATH = 'docs/sample-data/listed-hazards.csv';
export const MAPPING_PATH = 'docs/determination/hazard-element-mapping.json';
export const REPORT_PATH = 'docs/determination/real-data-report.md';

/** One row of listed-hazards.csv, by column name. */
export type CsvRow = Readonly<Record<string, string>>;

export interface HazardMapping {
  readonly text: string;
  readonly clauses: readonly string[] | null;
  readonly reason: string;
}

export interface RowMapping {
  readonly key: string;
  readonly edition: EditionId | null;
  readonly placeCategory: string | null;
  readonly placeCategoryReason: string;
  readonly hazards: readonly HazardMapping[];
}

/** The date that chooses a row's edition, as the span of days it may stand for. */
interface RowDate {
  readonly source: 'listing date' | 'notice year';
  readonly value: string;
  readonly from: string;
  readonly to: string;
}

type EditionChoice =
  | { readonly kind: 'edition'; readonly edition: EditionId; readonly date: RowDate }
  | { readonly kind: 'none_in_force'; readonly date: RowDate }
  | { readonly kind: 'ambiguous'; readonly date: RowDate; readonly editions: readonly string[] }
  | { readonly kind: 'no_date' };

interface RowResult {
  readonly row: CsvRow;
  readonly mapping: RowMapping;
  readonly choice: EditionChoice;
  readonly proposal: DeterminationProposal | null;
  readonly repeatedClauses: readonly string[];
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, quotes doubled, CRLF or LF line ends. */
export function parseCsv(text: string): CsvRow[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += character;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || record.length > 0) records.push([...record, field]);

  const [header, ...body] = records;
  if (!header) throw new Error('CSV has no header row');
  return body.map((values, line) => {
    if (values.length !== header.length) {
      throw new Error(`CSV row ${line + 2} has ${values.length} fields; the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, column) => [name, values[column] ?? '']));
  });
}

export function rowKey(row: CsvRow): string {
  return `${row['notice_id'] ?? ''} | ${row['unit'] ?? ''}`;
}

export function splitHazards(row: CsvRow): string[] {
  const hazards = (row['hazards'] ?? '').trim();
  return hazards === '' ? [] : hazards.split(' | ').map((hazard) => hazard.trim());
}

/** Returns the listing date when the row has one (a day, or the month of a batch), or else its notice year. */
function rowDate(row: CsvRow): RowDate | undefined {
  const listedOn = row['listed_on'] ?? '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(listedOn);
  if (day) return { source: 'listing date', value: listedOn, from: listedOn, to: listedOn };
  const month = /^(\d{4})-(\d{2})$/.exec(listedOn);
  if (month) {
    const last = daysInMonth(Number(month[1]), Number(month[2]));
    return { source: 'listing date', value: listedOn, from: `${listedOn}-01`, to: `${listedOn}-${last}` };
  }
  if (listedOn !== '')
    throw new Error(`row ${rowKey(row)} has a listing date ${listedOn} that is neither YYYY-MM-DD nor YYYY-MM`);
  const year = row['notice_year'] ?? '';
  if (/^\d{4}$/.test(year)) return { source: 'notice year', value: year, from: `${year}-01-01`, to: `${year}-12-31` };
  if (year !== '') throw new Error(`row ${rowKey(row)} has a notice year ${year} that is not four digits`);
  return undefined;
}

/** Chooses the edition for a row's date; a date span crossing an edition change is ambiguous. */
function chooseEdition(row: CsvRow): EditionChoice {
  const date = rowDate(row);
  if (!date) return { kind: 'no_date' };
  const first = selectRuleSet(date.from)?.edition;
  const last = selectRuleSet(date.to)?.edition;
  if (first !== last) return { kind: 'ambiguous', date, editions: [first ?? 'none', last ?? 'none'] };
  return first ? { kind: 'edition', edition: first, date } : { kind: 'none_in_force', date };
}

function choiceEdition(choice: EditionChoice): EditionId | null {
  return choice.kind === 'edition' ? choice.edition : null;
}

/** Reads the mapping file and checks its shape; the contents are checked against the CSV later. */
export function parseMapping(json: string): RowMapping[] {
  const document = JSON.parse(json) as { rows?: unknown };
  if (!Array.isArray(document.rows)) throw new Error(`${MAPPING_PATH} has no rows array`);
  return document.rows.map((entry: unknown, index: number) => {
    const row = entry as Partial<RowMapping>;
    const where = `${MAPPING_PATH} rows[${index}]`;
    if (typeof row.key !== 'string') throw new Error(`${where} has no key`);
    if (row.edition !== null && !isEditionId(row.edition))
      throw new Error(`${where} (${row.key}) has an unknown edition`);
    if (row.placeCategory !== null && typeof row.placeCategory !== 'string') {
      throw new Error(`${where} (${row.key}) has no placeCategory; use null when no edition applies`);
    }
    if (typeof row.placeCategoryReason !== 'string' || row.placeCategoryReason.trim() === '') {
      throw new Error(`${where} (${row.key}) has no placeCategoryReason`);
    }
    if (!Array.isArray(row.hazards)) throw new Error(`${where} (${row.key}) has no hazards array`);
    for (const hazard of row.hazards as readonly Partial<HazardMapping>[]) {
      const clausesValid =
        hazard.clauses === null ||
        (Array.isArray(hazard.clauses) &&
          hazard.clauses.length > 0 &&
          hazard.clauses.every((clause: unknown) => typeof clause === 'string'));
      if (
        typeof hazard.text !== 'string' ||
        !clausesValid ||
        typeof hazard.reason !== 'string' ||
        hazard.reason === ''
      ) {
        throw new Error(
          `${where} (${row.key}) has a hazard without text, clauses (a non-empty array or null) or reason`,
        );
      }
    }
    return row as RowMapping;
  });
}

/** Checks the mapping covers exactly the rows that state hazards, with the CSV's texts and editions. */
function matchRows(rows: readonly CsvRow[], mappings: readonly RowMapping[]): { row: CsvRow; mapping: RowMapping }[] {
  const byKey = new Map<string, RowMapping>();
  for (const mapping of mappings) {
    if (byKey.has(mapping.key)) throw new Error(`${MAPPING_PATH} lists ${mapping.key} twice`);
    byKey.set(mapping.key, mapping);
  }
  const stated = rows.filter((row) => splitHazards(row).length > 0);
  const statedKeys = new Set(stated.map(rowKey));
  const extra = mappings.filter((mapping) => !statedKeys.has(mapping.key)).map((mapping) => mapping.key);
  if (extra.length > 0)
    throw new Error(`${MAPPING_PATH} maps rows the CSV does not state hazards for: ${extra.join('; ')}`);

  return stated.map((row) => {
    const key = rowKey(row);
    const mapping = byKey.get(key);
    if (!mapping) throw new Error(`${MAPPING_PATH} has no entry for ${key}, which states hazards`);
    const texts = splitHazards(row);
    const mapped = mapping.hazards.map((hazard) => hazard.text);
    if (JSON.stringify(texts) !== JSON.stringify(mapped)) {
      throw new Error(
        `${MAPPING_PATH} entry ${key} lists hazards ${JSON.stringify(mapped)}; the CSV has ${JSON.stringify(texts)}`,
      );
    }
    const expected = choiceEdition(chooseEdition(row));
    if (mapping.edition !== expected) {
      throw new Error(
        `${MAPPING_PATH} entry ${key} gives edition ${String(mapping.edition)}; its date chooses ${String(expected)}`,
      );
    }
    return { row, mapping };
  });
}

function evaluateRow(row: CsvRow, mapping: RowMapping): RowResult {
  const choice = chooseEdition(row);
  const clauses = mapping.hazards.flatMap((hazard) => hazard.clauses ?? []);
  const repeatedClauses = [...new Set(clauses.filter((clause, index) => clauses.indexOf(clause) !== index))];
  if (choice.kind === 'no_date' || choice.kind === 'ambiguous') {
    return { row, mapping, choice, proposal: null, repeatedClauses };
  }

  const evidence = new Map<string, string[]>();
  for (const hazard of mapping.hazards) {
    for (const clause of hazard.clauses ?? []) evidence.set(clause, [...(evidence.get(clause) ?? []), hazard.text]);
  }
  const result = proposeDetermination({
    inspectedOn: choice.date.from,
    ...(mapping.placeCategory !== null ? { placeCategory: mapping.placeCategory } : {}),
    elements: [...evidence].map(([clause, texts]) => ({ clause, evidence: texts.join('; ') })),
  });
  if (!result.ok) {
    const issues = result.issues.map((issue) => `${issue.field} ${issue.code} ${JSON.stringify(issue.params)}`);
    throw new Error(`${MAPPING_PATH} entry ${mapping.key} is invalid for the engine: ${issues.join('; ')}`);
  }
  return { row, mapping, choice, proposal: result.proposal, repeatedClauses };
}

/** Builds the report from the CSV text and the mapping file's text. */
export function buildReport(csvText: string, mappingJson: string): string {
  const rows = parseCsv(csvText);
  const results = matchRows(rows, parseMapping(mappingJson)).map(({ row, mapping }) => evaluateRow(row, mapping));
  return [
    ...renderIntroduction(),
    ...renderTotals(rows, results),
    ...renderReading(),
    ...renderRows(results),
    ...renderUnmatched(results),
  ].join('\n');
}

/** Builds the report from the files in the repository. */
export function buildReportFromRepository(root = projectRoot()): string {
  return buildReport(readFileSync(join(root, CSV_PATH), 'utf8'), readFileSync(join(root, MAPPING_PATH), 'utf8'));
}

/** Outcome labels in the order the totals list them. */
const OUTCOME_LABELS = [
  'major (direct method)',
  'major (comprehensive method)',
  'not_major',
  'excluded',
  'undetermined: no edition in force',
  'undetermined: elements not in the catalogue',
  'undetermined: the date spans two editions',
  'undetermined: the row has no date',
];

function outcomeLabel(result: RowResult): string {
  const { proposal, choice } = result;
  if (choice.kind === 'no_date') return 'undetermined: the row has no date';
  if (choice.kind === 'ambiguous') return 'undetermined: the date spans two editions';
  if (!proposal) return 'undetermined';
  if (proposal.outcome === 'major') return `major (${proposal.method ?? ''} method)`;
  if (proposal.outcome === 'undetermined') {
    return proposal.undeterminedReason === 'no_edition_in_force'
      ? 'undetermined: no edition in force'
      : 'undetermined: elements not in the catalogue';
  }
  return proposal.outcome;
}

function renderIntroduction(): string[] {
  return [
    '# Determination of the sample data set (判定结果)',
    '',
    'This report is generated by `scripts/determination-report.ts` from `docs/sample-data/listed-hazards.csv` and',
    '`docs/determination/hazard-element-mapping.json`; do not edit it by hand. A test regenerates it and fails',
    'when it differs from this file. To regenerate it:',
    '',
    '```sh',
    'npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/determination-report.js',
    '```',
    '',
    "Each row that states its hazards gets the edition its listing date, or else its notice year, chooses. Its hazard texts are mapped to that edition's elements by reading each text against the element texts, and the determination engine proposes an outcome from the elements matched.",
    '',
  ];
}

function renderTotals(rows: readonly CsvRow[], results: readonly RowResult[]): string[] {
  const hazards = results.flatMap((result) => result.mapping.hazards.map((hazard) => ({ result, hazard })));
  const read = hazards.filter(({ result }) => result.proposal?.edition);
  const matched = read.filter(({ hazard }) => hazard.clauses !== null);
  const notRead = hazards.length - read.length;
  const editions = tally(
    results.map((result) => choiceEdition(result.choice) ?? 'no edition'),
    [...EDITION_IDS, 'no edition'],
  );
  const outcomes = tally(results.map(outcomeLabel), OUTCOME_LABELS);
  const relyingOnUnverified = results.filter(
    (result) => result.proposal?.edition && result.proposal.unverified.length > 0,
  ).length;

  return [
    '## Totals',
    '',
    `- Rows in the data set: ${rows.length}. Rows that state their hazards: ${results.length}, all mapped. Rows that state none: ${rows.length - results.length}, not mapped.`,
    `- Hazard texts: ${hazards.length}. Read against a catalogue: ${read.length}, of which ${matched.length} matched at least one element and ${read.length - matched.length} matched none. Not read against any catalogue, because no edition applies to their row: ${notRead}.`,
    `- Rows by edition: ${editions.map(([name, count]) => `${name} ${count}`).join(', ')}.`,
    `- Rows by proposed outcome: ${outcomes.map(([name, count]) => `${name} ${count}`).join(', ')}.`,
    `- Rows under an edition whose proposal relies on items not confirmed from the standard's text: ${relyingOnUnverified}.`,
    '',
  ];
}

function renderReading(): string[] {
  return [
    '## Reading the results',
    '',
    '- A notice names the hazards it chose to publish, not the whole determination record, so `not_major` means only that the stated hazards alone do not reach a threshold.',
    '- The listing date and the notice year come after the inspection, so a row listed soon after an edition took effect may have been inspected under the edition before it.',
    '- A row with only a notice year is evaluated as inspected on 1 January of that year; within every such year here the edition does not change.',
    '- Notices do not state the exclusions, so none is answered and each counts as not applying.',
    '- The comprehensive elements of GA 653-2006 are reconstructed from its themes and the matching GB 35181-2017 elements, so every GA 653-2006 proposal that counts them is marked unverified.',
    '',
  ];
}

function renderRows(results: readonly RowResult[]): string[] {
  const lines = ['## Rows', ''];
  for (const result of results) {
    const { row, mapping, choice, proposal } = result;
    lines.push(`### ${mapping.key}`, '');
    lines.push(`- Place type: ${row['place_type'] ?? ''}. Outcome in the notice: ${row['outcome'] ?? ''}.`);
    lines.push(`- Edition: ${describeChoice(choice)}`);
    if (mapping.placeCategory !== null) {
      lines.push(`- Place category: \`${mapping.placeCategory}\`. ${mapping.placeCategoryReason}`);
    }
    lines.push(`- Proposal: **${outcomeLabel(result)}**${describeCount(proposal)}`);
    lines.push('- Hazards:');
    for (const hazard of mapping.hazards) {
      const target = hazard.clauses === null ? 'no element' : hazard.clauses.join(', ');
      lines.push(`  - "${hazard.text}" → ${target}. ${hazard.reason}`);
    }
    if (result.repeatedClauses.length > 0) {
      lines.push(`- Counted once although several hazard texts match it: ${result.repeatedClauses.join(', ')}.`);
    }
    if (proposal) lines.push(`- Explanation: ${proposal.explanation.en}`);
    if (proposal && proposal.unverified.length > 0) {
      const marks = proposal.unverified.map((mark) => `${mark.subject.replace(/_/g, ' ')} ${mark.ref}`);
      lines.push(`- Not confirmed from the standard's text: ${marks.join(', ')}.`);
    }
    lines.push('');
  }
  return lines;
}

function renderUnmatched(results: readonly RowResult[]): string[] {
  const unmatched = results.flatMap((result) =>
    result.proposal?.edition
      ? result.mapping.hazards
          .filter((hazard) => hazard.clauses === null)
          .map((hazard) => `- ${result.mapping.key}: "${hazard.text}". ${hazard.reason}`)
      : [],
  );
  return [
    '## Hazard texts that matched no element',
    '',
    `${unmatched.length} hazard texts were read against a catalogue and matched no element:`,
    '',
    ...unmatched,
    '',
  ];
}

function describeChoice(choice: EditionChoice): string {
  switch (choice.kind) {
    case 'no_date':
      return 'none, because the row has neither a listing date nor a notice year.';
    case 'ambiguous':
      return `none, because the ${choice.date.source} ${choice.date.value} spans two editions (${choice.editions.join(' and ')}).`;
    case 'none_in_force':
      return `none, because no edition was in force in the ${choice.date.source} ${choice.date.value}.`;
    case 'edition':
      return `${choice.edition}, chosen by the ${choice.date.source} ${choice.date.value}.`;
  }
}

function describeCount(proposal: DeterminationProposal | null): string {
  if (!proposal || proposal.count === null || proposal.threshold === null) return '.';
  if (proposal.method === 'direct') return `, ${proposal.directElements.join(', ')}.`;
  const rule = proposal.rule?.clause ? ` of §${proposal.rule.clause}` : '';
  return `: ${proposal.count} counted against the threshold of ${proposal.threshold}${rule}.`;
}

/** Counts each label, listing the expected labels first (zero included) and any other label after them. */
function tally(labels: readonly string[], expected: readonly string[]): [string, number][] {
  const counts = new Map<string, number>(expected.map((label) => [label, 0]));
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts];
}

function main(): void {
  const root = projectRoot();
  const report = buildReportFromRepository(root);
  const target = join(root, REPORT_PATH);
  if (process.argv.includes('--check')) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== report) {
      console.error(`${REPORT_PATH} is stale; run node dist/scripts/determination-report.js to regenerate it`);
      process.exit(1);
    }
    console.log(`${REPORT_PATH} is up to date`);
    return;
  }
  writeFileSync(target, report);
  console.log(`wrote ${REPORT_PATH}`);
}

if (require.main === module) main();

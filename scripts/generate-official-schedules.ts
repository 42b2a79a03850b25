/**
 * Writes libs/domain/src/calendar/official-schedules.data.ts: the official days off and make-up working
 * days (放假调休) of each year from 2007, read from the npm package chinese-days.
 *
 * chinese-days treats every year it has no data for as plain weeks without saying so, so this script
 * emits a year only when the package lists days off for it, and stops at the first year without any.
 * Deadlines in later years stay provisional until a schedule for them is loaded.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/generate-official-schedules.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';
import { format, resolveConfig } from 'prettier';

import { addDays, isWeekend } from '../libs/domain/src/calendar/calendar-date';
import { WorkingCalendar } from '../libs/domain/src/calendar/working-calendar';
import { PREVIOUS_DECEMBER_REACH, type YearSchedule } from '../libs/domain/src/calendar/year-schedule';

/**
 * First year emitted. chinese-days 1.5.7 also carries 2004–2006; they are left out, so dates before 2007
 * count as plain weeks and are provisional.
 */
const FIRST_YEAR = 2007;

/** How many years after the last emitted one are checked for data, to catch a gap in the package. */
const GAP_CHECK_YEARS = 5;

const OUTPUT = 'libs/domain/src/calendar/official-schedules.data.ts';

function findRepositoryRoot(): string {
  for (let directory = __dirname; directory !== dirname(directory); directory = dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown };
      if (manifest.name === 'duban') return directory;
    } catch {
      // No package.json here; keep walking up.
    }
  }
  throw new Error(`no package.json named duban above ${__dirname}; run the compiled script inside the repository`);
}

function packageVersion(): string {
  const manifestPath = require.resolve('chinese-days/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error(`${manifestPath} has no version`);
  return manifest.version;
}

/**
 * Returns the notice URLs that the chinese-days source cites for each year, read from the comment above
 * each year's arrangement in src/holidays/generate.ts. Years without a comment get no URLs.
 */
function noticeUrlsByYear(): Map<number, string[]> {
  const urls = new Map<number, string[]>();
  const sourcePath = join(dirname(require.resolve('chinese-days/package.json')), 'src/holidays/generate.ts');
  const source = readFileSync(sourcePath, 'utf8');
  for (const match of source.matchAll(/\/\*\*\s*\n\s*\*\s*(\d{4})\s*\n([\s\S]*?)\*\//g)) {
    const year = Number(match[1]);
    const found = (match[2] ?? '').match(/https?:\/\/[^\s，。）)]+/g) ?? [];
    urls.set(year, [...new Set(found)]);
  }
  return urls;
}

function isOfficialDayOff(date: string): boolean {
  // Without weekends, chinese-days lists only the dates in its holiday table.
  return getHolidaysInRange(date, date, false).length > 0;
}

function isMakeUpWorkingDay(date: string): boolean {
  return isWeekend(date) && isWorkday(date);
}

/**
 * Returns the year of the notice that set a date. A December date named for New Year's Day (元旦) belongs
 * to the next year's notice, whose New Year's Day block reaches back into December.
 */
function noticeYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  if (date.slice(5, 7) === '12' && getDayDetail(date).name.includes('元旦')) return year + 1;
  return year;
}

function hasData(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

function buildSchedule(year: number, version: string, urls: readonly string[]): YearSchedule {
  const daysOff: string[] = [];
  const makeUpWorkingDays: string[] = [];
  for (let date = `${year - 1}-12-01`; date <= `${year}-12-31`; date = addDays(date, 1)) {
    const dayOff = isOfficialDayOff(date);
    const makeUp = isMakeUpWorkingDay(date);
    if (!dayOff && !makeUp) continue;
    if (noticeYearOf(date) !== year) continue;
    if (date < `${year - 1}-${PREVIOUS_DECEMBER_REACH}`) {
      throw new Error(`chinese-days assigns ${date} to the ${year} notice, earlier than the schedule type allows`);
    }
    (dayOff ? daysOff : makeUpWorkingDays).push(date);
  }
  const cited = urls.length > 0 ? `: ${urls.join(' ; ')}` : '';
  return {
    year,
    daysOff,
    makeUpWorkingDays,
    source: `国务院办公厅关于${year}年部分节假日安排的通知 with any later amendments, as compiled in chinese-days ${version}${cited}`,
  };
}

function render(schedules: readonly YearSchedule[], version: string): string {
  const first = schedules[0]?.year;
  const last = schedules[schedules.length - 1]?.year;
  return [
    `// Generated by scripts/generate-official-schedules.ts from chinese-days ${version}. Do not edit by hand.`,
    '// Regenerate from the repository root after updating chinese-days:',
    '//   npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/scripts/generate-official-schedules.js',
    `// It holds ${first}–${last}, the years chinese-days ${version} has data for from ${FIRST_YEAR} on; later years are`,
    '// left out so that deadlines in them are provisional.',
    "import type { YearSchedule } from './year-schedule';",
    '',
    `/** The npm package and version the official schedules were generated from. */`,
    `export const OFFICIAL_SCHEDULES_PACKAGE = ${JSON.stringify(`chinese-days@${version}`)};`,
    '',
    `/** Official national schedules of days off and make-up working days, ${first}–${last}, one per year. */`,
    `export const OFFICIAL_SCHEDULES: readonly YearSchedule[] = ${JSON.stringify(schedules, null, 2)};`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const root = findRepositoryRoot();
  const version = packageVersion();
  const urls = noticeUrlsByYear();

  const schedules: YearSchedule[] = [];
  let year = FIRST_YEAR;
  for (; hasData(year); year += 1) schedules.push(buildSchedule(year, version, urls.get(year) ?? []));
  for (let later = year + 1; later <= year + GAP_CHECK_YEARS; later += 1) {
    if (hasData(later)) throw new Error(`chinese-days ${version} has data for ${later} but none for ${year}`);
  }
  if (schedules.length === 0) throw new Error(`chinese-days ${version} has no data for ${FIRST_YEAR}`);

  // Fails when two schedules disagree or a date breaks the schedule rules.
  WorkingCalendar.fromSchedules(schedules);

  const target = join(root, OUTPUT);
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(render(schedules, version), { ...options, filepath: target }));
  console.log(
    `wrote ${relative(root, target)}: ${schedules.length} years, ${FIRST_YEAR}–${year - 1}, from chinese-days ${version}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

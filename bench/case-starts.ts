import { createHash } from 'node:crypto';

import type { Client } from '@temporalio/client';
import type { Client as PgClient } from 'pg';

import { canonicalJson, type CaseOpening, type ListingLevel } from '@duban/domain';
import { HAZARD_CASE_WORKFLOW_TYPE, type HazardCaseInput } from '@duban/temporal';

import { runConcurrently } from './bench-stack';

/** Credit code of every benchmark case's responsible unit; a unit token with it may act on all of them. */
export const BENCH_UNIT_CREDIT_CODE = '91350100M000100Y43';

export interface ListedCase {
  readonly caseNumber: string;
  readonly jurisdictionCode: string;
  /** China dates, YYYY-MM-DD. */
  readonly listedOn: string;
  readonly deadline: string;
  readonly level?: ListingLevel;
}

/**
 * Builds the start input of a case imported at the listed stage (挂牌督办). It is shaped like the input
 * the import endpoint builds for a listed row, without a source record and with no progress-report interval.
 */
export function listedCaseInput(listed: ListedCase): HazardCaseInput {
  const opening: CaseOpening = {
    caseNumber: listed.caseNumber,
    responsibleUnit: { name: `某某单位 ${listed.caseNumber}`, creditCode: BENCH_UNIT_CREDIT_CODE },
    jurisdictionCode: listed.jurisdictionCode,
    placeType: 'hotel',
    address: `福州市某某路 ${listed.caseNumber} 号`,
    discoveredOn: listed.listedOn,
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行' }],
  };
  const city = `${listed.jurisdictionCode.slice(0, 4)}00`;
  return {
    opening,
    openedBy: { kind: 'user', id: 'bench', role: 'brigade_leader', jurisdictionCode: listed.jurisdictionCode },
    openingHash: createHash('sha256').update(canonicalJson(opening)).digest('hex'),
    openRequestId: `bench-${listed.caseNumber}`,
    import: {
      stage: 'listed',
      listing: {
        documentNumber: `榕政督〔2026〕${listed.caseNumber}号`,
        listedOn: listed.listedOn,
        level: listed.level ?? 'city',
        government: { jurisdictionCode: city, name: '福州市人民政府' },
        responsiblePerson: '张三',
        supervisingDepartment: '福州市消防救援支队',
        deadline: listed.deadline,
        reportingIntervalMonths: 0,
      },
      source: 'benchmark',
    },
  };
}

/** Prints `message` at most once per `intervalMs`, and always when `force` is set. */
function progressPrinter(intervalMs = 10_000): (message: string, force?: boolean) => void {
  let printedAt = 0;
  return (message, force = false) => {
    const now = Date.now();
    if (!force && now - printedAt < intervalMs) return;
    printedAt = now;
    console.log(`[${new Date(now).toISOString().slice(11, 19)}] ${message}`);
  };
}

/** How long paced starts wait for the worker to write another row before the benchmark fails. */
const PACING_STALL_MS = 300_000;

/** Settings that pace case starts to the rate the worker writes their read-model rows. */
export interface StartPacing {
  readonly db: PgClient;
  /** Case number prefix of the cases being started. */
  readonly prefix: string;
  /** Maximum number of started cases without a read-model row; a start waits while more are pending. */
  readonly maxPending: number;
}

async function countCaseRows(db: PgClient, prefix: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM hazard_cases WHERE case_number LIKE $1', [
    `${prefix}%`,
  ]);
  return Number(rows[0]?.count ?? 0);
}

/**
 * Starts `count` case workflows with the Temporal client, `concurrency` start calls at a time,
 * printing a progress line every 10 s. Returns once every start call has returned; the workflows'
 * first tasks and projections may still be running (see waitForCaseRows).
 *
 * With `pacing`, a start waits while more than `maxPending` started cases have no row yet, and the
 * returned latencies include that wait. Without it,
 * starts outrun the worker and pile up tens of thousands of workflow tasks on the server. Under such a
 * backlog, at about 93,000 cases, the in-memory dev server timed out calls and then reported its
 * default namespace missing.
 */
export async function startCaseWorkflows(
  client: Client,
  taskQueue: string,
  count: number,
  concurrency: number,
  inputFor: (index: number) => HazardCaseInput,
  pacing?: StartPacing,
): Promise<number[]> {
  const print = progressPrinter();
  const started = performance.now();
  let done = 0;
  let written = 0;
  let counting: Promise<void> | undefined;
  // Concurrent waiters share one count query at a time.
  const refreshWritten = (paced: StartPacing): Promise<void> =>
    (counting ??= countCaseRows(paced.db, paced.prefix)
      .then((rows) => {
        written = rows;
      })
      .finally(() => {
        counting = undefined;
      }));
  let grewAt = Date.now();
  const latencies = await runConcurrently(count, concurrency, async (index) => {
    while (pacing && index - written > pacing.maxPending) {
      const before = written;
      await refreshWritten(pacing);
      if (written > before) grewAt = Date.now();
      if (Date.now() - grewAt > PACING_STALL_MS) {
        throw new Error(`only ${written} case rows after ${PACING_STALL_MS / 1000} s without progress`);
      }
      if (index - written > pacing.maxPending) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const input = inputFor(index);
    await client.workflow.start(HAZARD_CASE_WORKFLOW_TYPE, {
      workflowId: input.opening.caseNumber,
      taskQueue,
      args: [input],
    });
    done++;
    const rate = done / ((performance.now() - started) / 1000);
    const rows = pacing ? `, ${written} rows written` : '';
    print(`started ${done} / ${count} case workflows (${rate.toFixed(1)}/s${rows})`, done === count);
  });
  return latencies;
}

/**
 * Polls the read model until `count` cases whose number starts with `prefix` have a row, printing a
 * progress line every 10 s. Throws when the count stops growing for `stallMs`.
 */
export async function waitForCaseRows(db: PgClient, prefix: string, count: number, stallMs = 120_000): Promise<void> {
  const print = progressPrinter();
  let last = -1;
  let grewAt = Date.now();
  for (;;) {
    const rowsWritten = await countCaseRows(db, prefix);
    if (rowsWritten !== last) {
      last = rowsWritten;
      grewAt = Date.now();
    }
    print(`${rowsWritten} / ${count} case rows written`, rowsWritten >= count);
    if (rowsWritten >= count) return;
    if (Date.now() - grewAt > stallMs) {
      throw new Error(`only ${rowsWritten} of ${count} case rows after ${stallMs / 1000} s without progress`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

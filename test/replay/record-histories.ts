/**
 * Records one workflow history per case path into test/fixtures/histories/, for the replay test.
 * Runs each path on the time-skipping test server with stand-in activities (replay never runs
 * activities, it only checks the commands the workflow code makes). Re-record only together with
 * an intentional, unreleased change to the workflow code.
 *
 *   npm run build && node dist/scripts/record-histories.js
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

import { SYSTEM_ACTOR, type CaseOpening } from '@duban/domain';
import {
  confirmOpenedUpdate,
  projectRoot,
  resolveTemporalBinary,
  temporalBinaryNotFound,
  workflowBundlerOptions,
  type CaseActivities,
  type HazardCaseInput,
} from '@duban/temporal';

const TASK_QUEUE = 'record-histories';

const OPENING: CaseOpening = {
  caseNumber: 'REPLAY-0001',
  responsibleUnit: { name: '某某宾馆有限公司', creditCode: '91430102MA4L0Q0B18' },
  jurisdictionCode: '430102',
  placeType: 'hotel',
  address: '长沙市芙蓉区某某路 1 号',
  discoveredOn: '2025-09-26',
  discoverySource: 'inspection',
  hazardItems: [{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }],
};

/** A path through the case workflow; it leaves the workflow ended, so the history is complete. */
interface Scenario {
  readonly name: string;
  run(client: Client, workflowId: string): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'case-opened',
    async run(client, workflowId) {
      const input: HazardCaseInput = {
        opening: { ...OPENING, caseNumber: workflowId },
        openedBy: SYSTEM_ACTOR,
        openingHash: 'a'.repeat(64),
        openRequestId: 'request-1',
      };
      const handle = await client.workflow.start('hazardCase', { workflowId, taskQueue: TASK_QUEUE, args: [input] });
      await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-1', openingHash: 'a'.repeat(64) }],
      });
      await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-2', openingHash: 'a'.repeat(64) }],
      });
      await handle.terminate('history recorded');
    },
  },
];

const STAND_IN_ACTIVITIES: CaseActivities = {
  recordCaseEvent: () => Promise.resolve(),
};

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const binary = resolveTemporalBinary('test-server');
  if (binary.type !== 'existing-path') throw temporalBinaryNotFound('test-server', binary.tried, 'not downloading');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: binary.path } },
  });
  const folder = join(projectRoot(), 'test', 'fixtures', 'histories');
  mkdirSync(folder, { recursive: true });
  try {
    const { workflowsPath, webpackConfigHook } = workflowBundlerOptions();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath,
      bundlerOptions: { webpackConfigHook },
      activities: STAND_IN_ACTIVITIES,
    });
    await worker.runUntil(async () => {
      for (const scenario of SCENARIOS) {
        const workflowId = `REPLAY-${scenario.name}`;
        await scenario.run(env.client, workflowId);
        const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
        const file = join(folder, `${scenario.name}.json`);
        writeFileSync(file, `${historyToJSON(history)}\n`);
        console.log(`recorded ${scenario.name}: ${history.events?.length ?? 0} events in ${file}`);
      }
    });
  } finally {
    await env.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

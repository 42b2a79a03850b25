import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';

import { workflowBundlerOptions } from '@duban/temporal';

const HISTORIES = join(__dirname, '..', 'fixtures', 'histories');

/**
 * Every recorded history replays on the current workflow code. A change that alters the commands a
 * running case would issue fails here; such a change needs a patch, or, before the first release, a
 * re-recorded history in the same commit (scripts/record-histories.ts).
 */
describe('recorded case histories', () => {
  const files = readdirSync(HISTORIES).filter((name) => name.endsWith('.json'));

  it('cover every path of the case workflow', () => {
    expect([...files].sort()).toEqual(
      [
        'case-opened',
        'continued-as-new',
        'escalation-ladder',
        'extension-rejected-then-approved',
        'happy-path',
        'imported-overdue',
        'reinspection-failed-then-passed',
        'seal-expired-and-renewed',
        'suspended-and-resumed',
        'withdrawn',
      ].map((name) => `${name}.json`),
    );
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    const bundle = await bundleWorkflowCode({ ...workflowBundlerOptions(), logger: quietLogger });

    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, file.replace(/\.json$/, '')),
    ).resolves.toBeUndefined();
  });

  it('catch a workflow change made without a patch', async () => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, 'case-opened.json'), 'utf8')));
    const { webpackConfigHook } = workflowBundlerOptions();
    const bundle = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'incompatible.workflow.ts'),
      webpackConfigHook,
      logger: quietLogger,
    });

    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, 'case-opened')).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

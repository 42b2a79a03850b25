/** Bundles workflows/ into dist/workflow-bundle.js, which deployed workers load instead of bundling at start. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { bundleWorkflowCode } from '@temporalio/worker';

import { prebuiltWorkflowBundlePath, workflowBundlerOptions } from '@duban/temporal';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ ...workflowBundlerOptions(), logger: undefined });
  const target = prebuiltWorkflowBundlePath();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  console.log(`workflow bundle written to ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

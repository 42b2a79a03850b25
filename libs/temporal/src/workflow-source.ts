import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleOptions, WorkerOptions } from '@temporalio/worker';

import { projectRoot } from './binaries';

type BundlerHooks = Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'>;

/** Path of the workflow bundle that `npm run build` writes. */
export function prebuiltWorkflowBundlePath(): string {
  return join(projectRoot(), 'dist', 'workflow-bundle.js');
}

/**
 * Bundler options for the workflows in `workflows/`. Webpack resolves the libs' path aliases here,
 * and only the libs that are safe inside the workflow sandbox get an alias.
 */
export function workflowBundlerOptions(): BundlerHooks {
  const root = projectRoot();
  const alias: Record<string, string> = {
    '@duban/domain$': join(root, 'libs', 'domain', 'src', 'index.ts'),
    '@duban/temporal/contracts$': join(root, 'libs', 'temporal', 'src', 'contracts', 'index.ts'),
  };
  return {
    workflowsPath: join(root, 'workflows', 'index.ts'),
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object | undefined), ...alias } };
      return config;
    },
  };
}

/** True when a prebuilt bundle exists and this process runs compiled code, as in a deployment. */
export function shouldUsePrebuiltBundle(): boolean {
  return __filename.endsWith('.js') && existsSync(prebuiltWorkflowBundlePath());
}

/** Where a worker loads the workflows from: the prebuilt bundle in a deployment, the sources otherwise. */
export function workerWorkflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (shouldUsePrebuiltBundle()) return { workflowBundle: { codePath: prebuiltWorkflowBundlePath() } };
  const { workflowsPath, webpackConfigHook } = workflowBundlerOptions();
  return { workflowsPath, bundlerOptions: { webpackConfigHook } };
}

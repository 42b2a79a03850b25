import { TestWorkflowEnvironment } from '@temporalio/testing';

import { resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

/** Starts the time-skipping test server from the binary the project resolves, never a download. */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const binary = resolveTemporalBinary('test-server');
  if (binary.type !== 'existing-path') {
    throw temporalBinaryNotFound('test-server', binary.tried, 'the test suite does not download binaries');
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: binary.path } },
  });
}

/**
 * The raw baseline worker as a process of its own, so its resident set can be read apart from the
 * benchmark's: it polls the `bench-raw` task queue with the benchmark workflows until SIGTERM.
 * Reads TEMPORAL_ADDRESS and WORKER_MAX_CACHED_WORKFLOWS.
 */
import { join } from 'node:path';

import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set; the raw worker needs the benchmark server');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue: 'bench-raw',
    workflowsPath: join(__dirname, 'bench-workflows.js'),
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 2000),
    activities: { recordWake: () => Promise.resolve() },
  });
  // The runtime shuts the worker down on SIGTERM, and run() returns once it has.
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

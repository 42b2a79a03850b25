import { condition, defineSignal, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

/** Baseline activities of the benchmarks; each benchmark's in-process worker implements them. */
export interface BenchActivities {
  /** Records that a workflow woke, in the benchmark process. */
  recordWake(workflowId: string): Promise<void>;
}

const activities = proxyActivities<BenchActivities>({ startToCloseTimeout: '1 minute' });

/** Adds its argument to the workflow's counter and returns the new total. */
export const addUpdate = defineUpdate<number, [number]>('add');
/** Ends an `openWorkflow`. */
export const finishSignal = defineSignal('finish');

/** The baseline workflow of the benchmarks: it starts and completes at once, doing nothing. */
export async function emptyWorkflow(): Promise<void> {
  // Nothing to do: the benchmark measures what Temporal itself costs per workflow.
}

/** A workflow that stays open until `finishSignal`, with an update handler and no activities. */
export async function openWorkflow(): Promise<number> {
  let total = 0;
  let finished = false;
  setHandler(addUpdate, (amount) => {
    total += amount;
    return total;
  });
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
  return total;
}

/** Sleeps until `wakeAt` (milliseconds since the epoch), then runs one activity. */
export async function sleepThenActWorkflow(wakeAt: number, workflowId: string): Promise<void> {
  await sleep(Math.max(wakeAt - Date.now(), 1));
  await activities.recordWake(workflowId);
}

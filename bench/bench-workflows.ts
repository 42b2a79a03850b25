/** The baseline workflow of the benchmarks: it starts and completes at once, doing nothing. */
export async function emptyWorkflow(): Promise<void> {
  // Nothing to do: the benchmark measures what Temporal itself costs per workflow.
}

import type { RunningPostgres, RunningTemporal } from '@duban/local-stack';

interface Stack {
  postgres?: RunningPostgres;
  temporal?: RunningTemporal;
}

// Global setup and teardown run in the same process, so the running services pass between them here.
const KEY = Symbol.for('duban.test.stack');
const store = globalThis as unknown as Record<symbol, Stack | undefined>;

export function saveStack(services: Stack): void {
  store[KEY] = { ...store[KEY], ...services };
}

export async function stopStack(): Promise<void> {
  const stack = store[KEY];
  await stack?.temporal?.stop();
  await stack?.postgres?.stop();
  store[KEY] = undefined;
}

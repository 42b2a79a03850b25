import { setMaxListeners } from 'node:events';

import { ApiProblem, RETRY_AFTER_SECONDS, type Localized } from './problem';
import { unavailableDependency } from './unavailable';

/** Milliseconds between checks that PostgreSQL is reachable while a request waits on a case's workflow. */
export const DATABASE_CHECK_INTERVAL_MS = 2000;

/**
 * Runs `work`, which waits for a case's workflow to record its events in PostgreSQL, and checks the
 * database every `intervalMs` meanwhile. Without a database that wait lasts as long as the outage.
 * So when a check finds the database unavailable, this aborts `work`'s signal and throws a 503 with
 * `detail`, which should tell the client that the request reached the case and may still take effect.
 * A check that fails for any other reason is ignored, and the next one runs on time.
 */
export async function whileDatabaseReachable<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ping: () => Promise<void>,
  detail: Localized,
  intervalMs = DATABASE_CHECK_INTERVAL_MS,
): Promise<T> {
  const stopWaiting = new AbortController();
  // The Temporal client adds an abort listener for each call it makes, and a long wait makes many.
  setMaxListeners(0, stopWaiting.signal);
  let timer: NodeJS.Timeout | undefined;
  const outage = new Promise<never>((_, reject) => {
    const check = async () => {
      try {
        await ping();
      } catch (error) {
        if (unavailableDependency(error) === 'database') {
          reject(new ApiProblem('database_unavailable', detail, { 'Retry-After': RETRY_AFTER_SECONDS }));
          return;
        }
      }
      if (!stopWaiting.signal.aborted) timer = setTimeout(() => void check(), intervalMs);
    };
    timer = setTimeout(() => void check(), intervalMs);
  });
  try {
    // Promise.race handles the rejection of whichever promise loses, so neither is left unhandled.
    return await Promise.race([work(stopWaiting.signal), outage]);
  } finally {
    clearTimeout(timer);
    stopWaiting.abort();
  }
}

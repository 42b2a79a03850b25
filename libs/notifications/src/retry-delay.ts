/**
 * Delay before the next attempt after the n-th failed attempt of a round (n from 1): `base · 2^(n-1)`,
 * at most `max`, plus up to 20 % random jitter so deliveries that failed together do not all retry
 * at the same moment.
 */
export function retryDelayMs(failedAttempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, failedAttempt - 1), maxMs);
  return Math.round(exponential * (1 + 0.2 * random()));
}

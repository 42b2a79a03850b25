import { whileDatabaseReachable } from './database-watch';
import { ApiProblem } from './problem';

const DETAIL = { zh: '命令已送达案件', en: 'The command reached the case' };

function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

/** Resolves with `value` after `ms`, or rejects when the signal aborts first. */
function settleAfter<T>(ms: number, value: T, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
}

/**
 * Returns a check that counts its calls and returns `answer()`, and work that ends with 'recorded'
 * once the check has run `checks` times, so the tests do not depend on timing.
 */
function workAfterChecks(checks: number, answer: () => Promise<void>) {
  let count = 0;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    count: () => count,
    check: () => {
      count++;
      if (count === checks) release();
      return answer();
    },
    work: async () => {
      await released;
      return 'recorded';
    },
  };
}

describe('whileDatabaseReachable', () => {
  it('returns the result while reachable', async () => {
    const { count, check, work } = workAfterChecks(3, () => Promise.resolve());

    const result = await whileDatabaseReachable(work, check, DETAIL, 5);

    expect(result).toBe('recorded');
    expect(count()).toBeGreaterThanOrEqual(3);
  });

  it('throws 503 and aborts when down', async () => {
    let signal: AbortSignal | undefined;
    const outcome = whileDatabaseReachable(
      (given) => {
        signal = given;
        return settleAfter(10_000, 'recorded', given);
      },
      () => Promise.reject(connectionRefused()),
      DETAIL,
      20,
    );

    await expect(outcome).rejects.toBeInstanceOf(ApiProblem);
    const problem = (await outcome.catch((error: unknown) => error)) as ApiProblem;
    expect(problem.code).toBe('database_unavailable');
    expect(problem.detail).toEqual(DETAIL);
    expect(problem.headers['Retry-After']).toMatch(/^\d+$/);
    expect(signal?.aborted).toBe(true);
  });

  it('ignores a failed check that is no outage', async () => {
    const { count, check, work } = workAfterChecks(3, () =>
      Promise.reject(new Error('permission denied for table hazard_cases')),
    );

    const result = await whileDatabaseReachable(work, check, DETAIL, 5);

    expect(result).toBe('recorded');
    expect(count()).toBeGreaterThanOrEqual(3);
  });

  it('passes on the failure of the work', async () => {
    const outcome = whileDatabaseReachable(
      () => Promise.reject(new Error('case has ended')),
      () => Promise.resolve(),
      DETAIL,
      20,
    );

    await expect(outcome).rejects.toThrow('case has ended');
  });
});

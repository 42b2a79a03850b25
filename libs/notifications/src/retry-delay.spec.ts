import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  const noJitter = () => 0;

  it('doubles the delay after each failed attempt', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000, 3_600_000, noJitter));

    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('stops growing at the maximum', () => {
    expect(retryDelayMs(20, 30_000, 3_600_000, noJitter)).toBe(3_600_000);
  });

  it('adds at most 20 % jitter', () => {
    expect(retryDelayMs(1, 1_000, 10_000, () => 0.999)).toBe(1_200);
  });
});

import { rectificationEndedOn, type CaseState } from './case-state';

/** Builds a case state with only the fields rectificationEndedOn reads. */
function stateWith(fields: Pick<CaseState, 'closedAt' | 'delistedAt' | 'withdrawal'>): CaseState {
  return fields as CaseState;
}

describe('rectificationEndedOn', () => {
  it('is undefined while the rectification runs', () => {
    expect(rectificationEndedOn(stateWith({}))).toBeUndefined();
  });

  it('gives the China date of the closure', () => {
    // 16:30 UTC is 00:30 the next day in China.
    expect(rectificationEndedOn(stateWith({ closedAt: '2025-03-01T16:30:00Z' }))).toBe('2025-03-02');
  });

  it('prefers the closure to the delisting', () => {
    const state = stateWith({ closedAt: '2025-03-01T02:00:00Z', delistedAt: '2025-03-20T02:00:00Z' });

    expect(rectificationEndedOn(state)).toBe('2025-03-01');
  });

  it('falls back to the delisting, then the withdrawal', () => {
    const delisted = stateWith({ delistedAt: '2025-03-20T02:00:00Z' });
    const withdrawn = stateWith({ withdrawal: { at: '2025-04-02T15:59:59Z', reason: '误报' } });

    expect(rectificationEndedOn(delisted)).toBe('2025-03-20');
    expect(rectificationEndedOn(withdrawn)).toBe('2025-04-02');
  });
});

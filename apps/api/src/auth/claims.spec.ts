import { actorFromClaims, claimMismatch, MAX_SUBJECT_LENGTH } from './claims';

const INSPECTOR = { role: 'inspector', jurisdiction: '430102' };

describe('actorFromClaims', () => {
  it('accepts a plain subject', () => {
    expect(actorFromClaims({ ...INSPECTOR, sub: 'inspector-7' })).toEqual({
      kind: 'user',
      id: 'inspector-7',
      role: 'inspector',
      jurisdictionCode: '430102',
    });
  });

  it.each([
    ['missing', undefined, 'the token has no sub claim'],
    ['empty', '', 'the token has no sub claim'],
    ['a NUL character', 'user\u0000x', 'no control characters'],
    ['a line break', 'user\nx', 'no control characters'],
    ['a lone surrogate', 'user\ud800', 'no control characters'],
    ['too long', 'u'.repeat(MAX_SUBJECT_LENGTH + 1), `1 to ${MAX_SUBJECT_LENGTH} characters`],
  ])('rejects a subject that is %s', (_case, sub, message) => {
    const result = actorFromClaims({ ...INSPECTOR, sub });

    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });

  it('accepts a subject with a surrogate pair', () => {
    const result = actorFromClaims({ ...INSPECTOR, sub: 'user-𠀀' });

    expect(typeof result).toBe('object');
  });
});

describe('claimMismatch', () => {
  const inspector = { kind: 'user' as const, id: 'inspector-7', role: 'inspector', jurisdictionCode: '430102' };
  const stored = { role: 'inspector', jurisdictionCode: '430102', unitCreditCode: null };

  it('accepts claims equal to the stored user', () => {
    expect(claimMismatch(inspector, stored)).toBeUndefined();
  });

  it('names a different role', () => {
    expect(claimMismatch({ ...inspector, role: 'brigade_leader' }, stored)).toBe(
      "the token's role claim brigade_leader differs from the role inspector stored for user inspector-7",
    );
  });

  it('names a different jurisdiction', () => {
    expect(claimMismatch({ ...inspector, jurisdictionCode: '430000' }, stored)).toBe(
      "the token's jurisdiction claim 430000 differs from the jurisdiction 430102 stored for user inspector-7",
    );
  });

  it('names a different unit', () => {
    const unit = { kind: 'user' as const, id: 'unit-1', role: 'unit', unitCreditCode: '91430102MA4L0000X1' };
    const storedUnit = { role: 'unit', jurisdictionCode: null, unitCreditCode: '91430102MA4L0000Y2' };

    expect(claimMismatch(unit, storedUnit)).toBe(
      "the token's unit claim 91430102MA4L0000X1 differs from the unit 91430102MA4L0000Y2 stored for user unit-1",
    );
  });
});

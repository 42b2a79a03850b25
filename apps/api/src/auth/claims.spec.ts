import { actorFromClaims, MAX_SUBJECT_LENGTH } from './claims';

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

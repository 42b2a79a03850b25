import { checkCreditCode, creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

describe('unified social credit code', () => {
  it.each([['91430102MA4L0Q0B18'], ['91350100M000100Y43'], ['92430102MA4L0Q0B28']])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(checkCreditCode(code)).toBeUndefined();
  });

  it.each([
    ['91430102MA4L0Q0B1', 'length'],
    ['91430102MA4L0Q0B180', 'length'],
    ['91430102MA4L0Q0BI8', 'characters'],
    ['91430102ma4l0q0b18', 'characters'],
    ['9143010XMA4L0Q0B18', 'characters'],
    ['91430102MA4L0Q0B19', 'check_character'],
  ])('rejects %s as %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('computes the check character modulo 31', () => {
    expect(creditCodeCheckCharacter('91430102MA4L0Q0B1')).toBe('8');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});

import { hasControlCharacter, isUnstorable } from './storable-text';

describe('storable text', () => {
  it.each([
    ['plain text', '防火门损坏', false],
    ['a NUL character', 'a\u0000b', true],
    ['a lone high surrogate', 'a\ud800', true],
    ['a lone low surrogate', '\udc00b', true],
    ['a surrogate pair', '𠀀', false],
  ])('isUnstorable on %s', (_case, text, expected) => {
    expect(isUnstorable(text)).toBe(expected);
  });

  it.each([
    ['a bell character', 'a\u0007', false, true],
    ['DEL', 'a\u007f', true, true],
    ['a line break, whitespace allowed', 'a\nb', true, false],
    ['a line break, whitespace not allowed', 'a\nb', false, true],
    ['a tab, whitespace allowed', 'a\tb', true, false],
    ['plain text', 'abc', false, false],
  ])('hasControlCharacter on %s', (_case, text, allowWhitespace, expected) => {
    expect(hasControlCharacter(text, allowWhitespace)).toBe(expected);
  });
});

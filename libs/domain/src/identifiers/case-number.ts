/**
 * A case number is the case's id in URLs and its workflow id, so it keeps to characters that need no
 * escaping: ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, 3 to 64 long.
 */
export const CASE_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export function isCaseNumber(value: string): boolean {
  return CASE_NUMBER_PATTERN.test(value);
}

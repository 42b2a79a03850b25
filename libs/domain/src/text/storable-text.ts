const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Tells whether PostgreSQL cannot store the text: it has a NUL character or a lone surrogate. */
export function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * Tells whether the text has a C0 control character or DEL. Tab, line feed and carriage return count
 * only when `allowWhitespace` is false.
 */
export function hasControlCharacter(text: string, allowWhitespace = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const whitespace = unit === 0x09 || unit === 0x0a || unit === 0x0d;
    if ((unit < 0x20 && !(allowWhitespace && whitespace)) || unit === 0x7f) return true;
  }
  return false;
}

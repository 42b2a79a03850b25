/** A JSON object or array that the scan is inside, with the path the errors name it by. */
type Container =
  | { readonly kind: 'object'; readonly path: string; readonly keys: Set<string>; key?: string; expectKey: boolean }
  | { readonly kind: 'array'; readonly path: string; index: number };

/**
 * Returns the path of the first key that appears twice in one JSON object of `text`, such as
 * `items[0].location`, or undefined when every key is unique. JSON.parse would keep the last value
 * without a word. Keys are compared after their escapes are decoded. Text that is not valid JSON is
 * left to the parser.
 */
export function findDuplicateKey(text: string): string | undefined {
  const stack: Container[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      const path = childPath(top);
      stack.push(
        char === '{' ? { kind: 'object', path, keys: new Set(), expectKey: true } : { kind: 'array', path, index: 0 },
      );
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top?.kind === 'object') top.expectKey = true;
    } else if (char === '"') {
      const end = closingQuote(text, at);
      if (end < 0) return undefined;
      if (top?.kind === 'object' && top.expectKey) {
        const key = decodeKey(text.slice(at, end + 1));
        if (key === undefined) return undefined;
        if (top.keys.has(key)) return top.path === '' ? key : `${top.path}.${key}`;
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      at = end;
    }
  }
  return undefined;
}

function childPath(parent: Container | undefined): string {
  if (parent === undefined) return '';
  if (parent.kind === 'array') return `${parent.path}[${parent.index}]`;
  return parent.path === '' ? (parent.key ?? '') : `${parent.path}.${parent.key ?? ''}`;
}

/** Returns the index of the quote that ends the string starting at `start`, or -1 when it is not closed. */
function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at;
  }
  return -1;
}

function decodeKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

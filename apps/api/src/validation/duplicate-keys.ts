/** Longest path a duplicate-key error names. A longer path keeps its end, after an ellipsis. */
const MAX_PATH_LENGTH = 200;

/** A JSON object or array that the scan is inside, with what leads to it from its parent. */
type Container =
  | { readonly kind: 'object'; readonly keys: Set<string>; key?: string; expectKey: boolean }
  | { readonly kind: 'array'; index: number };

/**
 * Returns the path of the first key that appears twice in one JSON object of `text`, such as
 * `items[0].location`, or undefined when every key is unique. JSON.parse would keep the last value
 * silently. Keys are compared after their escapes are decoded. Text that is not valid JSON is
 * left to the parser.
 */
export function findDuplicateKey(text: string): string | undefined {
  const stack: Container[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const top = stack[stack.length - 1];
    if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), expectKey: true });
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 });
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
        if (top.keys.has(key)) return pathOf(stack, key);
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      at = end;
    }
  }
  return undefined;
}

/** Builds the path of `key` in the innermost object of `stack`, with an empty key shown as "". */
function pathOf(stack: readonly Container[], key: string): string {
  let path = '';
  for (const container of stack.slice(0, -1)) {
    if (container.kind === 'array') path += `[${container.index}]`;
    else path += segment(path, container.key ?? '');
  }
  path += segment(path, key);
  return path.length > MAX_PATH_LENGTH ? `…${path.slice(-MAX_PATH_LENGTH)}` : path;
}

function segment(path: string, key: string): string {
  const name = key === '' ? '""' : key;
  return path === '' ? name : `.${name}`;
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

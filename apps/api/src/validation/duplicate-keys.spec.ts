import fc from 'fast-check';

import { findDuplicateKey } from './duplicate-keys';

describe('findDuplicateKey', () => {
  it.each([
    ['a top-level key', '{"caseNumber":"A","caseNumber":"B"}', 'caseNumber'],
    ['a nested key', '{"unit":{"name":"甲","name":"乙"}}', 'unit.name'],
    ['a key in an array item', '{"items":[{"a":1},{"a":1,"b":2,"a":3}]}', 'items[1].a'],
    ['an escaped spelling', '{"name":"甲","n\\u0061me":"乙"}', 'name'],
    ['a key after nested arrays', '{"x":[[1,2],[3]],"y":{},"x":0}', 'x'],
    ['a key in arrays of arrays', '{"x":[[1],[{"a":1,"a":2}]]}', 'x[1][0].a'],
    ['an empty key', '{"":{"a":1},"":2}', '""'],
    ['a key under an empty key', '{"":{"a":1,"a":2}}', '"".a'],
  ])('finds %s', (_name, text, path) => {
    expect(findDuplicateKey(text)).toBe(path);
  });

  it.each([
    ['unique keys', '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}'],
    ['equal keys in sibling objects', '[{"a":1},{"a":2}]'],
    ['a key spelt inside a string value', '{"a":"\\"a\\":1, \\"a\\"","b":"{\\"a\\""}'],
    ['a scalar body', '"a"'],
    ['text that is not JSON', '{"a":1,"a'],
  ])('finds nothing in %s', (_name, text) => {
    expect(findDuplicateKey(text)).toBeUndefined();
  });

  it('shortens a deep path', () => {
    const text = `${'{"k":'.repeat(1000)}{"a":1,"a":2}${'}'.repeat(1000)}`;
    const path = findDuplicateKey(text);

    expect(path).toHaveLength(201);
    expect(path).toMatch(/^….*\.k\.k\.a$/);
  });

  it('finds nothing in serialised values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(findDuplicateKey(JSON.stringify(value))).toBeUndefined();
        expect(findDuplicateKey(JSON.stringify(value, null, 2))).toBeUndefined();
      }),
    );
  });

  it('finds a key repeated in any serialised object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (object) => {
        const text = JSON.stringify(object);
        const [key] = Object.keys(object);
        const repeated = `${text.slice(0, -1)},${JSON.stringify(key)}:null}`;

        expect(findDuplicateKey(repeated)).toBe(key === '' ? '""' : key);
      }),
    );
  });
});

import { RequestValidationError } from '../problems/request-validation.error';
import { decodeCursor, encodeCursor } from './case-cursor';

describe('case list cursor', () => {
  it('round-trips a position', () => {
    const position = { openedAt: new Date('2025-09-26T02:03:04.567Z'), caseNumber: 'HZ-2025-0001' };

    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["2025-13-01","a"]').toString('base64url'),
  ])('rejects %p naming query.cursor', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(RequestValidationError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as RequestValidationError).violations).toEqual([
        { field: 'query.cursor', constraint: 'isCursor', params: {} },
      ]);
    }
  });
});

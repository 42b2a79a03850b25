import { RequestValidationError } from '../problems/request-validation.error';
import { decodeCursor, encodeCursor } from './case-cursor';

describe('case list cursor', () => {
  it('round-trips a position for each sort order', () => {
    const opened = { key: '2025-09-26T02:03:04.567Z', caseNumber: 'HZ-2025-0001' };
    const deadline = { key: '2025-12-31', caseNumber: 'HZ-2025-0002' };
    const noDeadline = { key: null, caseNumber: 'HZ-2025-0003' };

    expect(decodeCursor('opened_desc', encodeCursor('opened_desc', opened))).toEqual(opened);
    expect(decodeCursor('deadline_asc', encodeCursor('deadline_asc', deadline))).toEqual(deadline);
    expect(decodeCursor('deadline_asc', encodeCursor('deadline_asc', noDeadline))).toEqual(noDeadline);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["opened_desc","2025-13-01","a"]').toString('base64url'),
    Buffer.from('["deadline_asc","2025-12-31","a"]').toString('base64url'),
  ])('rejects %p naming query.cursor', (cursor) => {
    let caught: unknown;
    try {
      decodeCursor('opened_desc', cursor);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(RequestValidationError);
    expect((caught as RequestValidationError).violations).toEqual([
      { field: 'query.cursor', constraint: 'isCursor', params: {} },
    ]);
  });
});

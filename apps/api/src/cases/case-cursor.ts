import { isCalendarDate, isCaseNumber } from '@duban/domain';
import type { CaseListPosition, CaseSort } from '@duban/persistence';

import { RequestValidationError } from '../problems/request-validation.error';

/** Encodes a list position as an opaque URL-safe cursor, tied to the sort order it belongs to. */
export function encodeCursor(sort: CaseSort, position: CaseListPosition): string {
  return Buffer.from(JSON.stringify([sort, position.key, position.caseNumber])).toString('base64url');
}

/** Decodes a cursor from encodeCursor for the same sort order; anything else is a 400 on `cursor`. */
export function decodeCursor(sort: CaseSort, cursor: string): CaseListPosition {
  const invalid = () => new RequestValidationError([{ field: 'query.cursor', constraint: 'isCursor', params: {} }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw invalid();
  const [cursorSort, key, caseNumber] = decoded as unknown[];
  if (cursorSort !== sort || typeof caseNumber !== 'string' || !isCaseNumber(caseNumber)) throw invalid();
  if (sort === 'opened_desc') {
    // Four-digit years only: JavaScript writes extreme dates with six digits, which PostgreSQL rejects.
    if (
      typeof key !== 'string' ||
      !/^\d{4}-/.test(key) ||
      Number.isNaN(Date.parse(key)) ||
      new Date(key).toISOString() !== key
    ) {
      throw invalid();
    }
  } else if (key !== null && (typeof key !== 'string' || !isCalendarDate(key))) {
    throw invalid();
  }
  return { key, caseNumber };
}

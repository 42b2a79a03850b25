import type { CaseListPosition } from '@duban/persistence';

import { RequestValidationError } from '../problems/request-validation.error';

/** Encodes a list position as an opaque URL-safe cursor. */
export function encodeCursor(position: CaseListPosition): string {
  return Buffer.from(JSON.stringify([position.openedAt.toISOString(), position.caseNumber])).toString('base64url');
}

/** Decodes a cursor from encodeCursor; anything else is a 400 on the `cursor` parameter. */
export function decodeCursor(cursor: string): CaseListPosition {
  const invalid = () => new RequestValidationError([{ field: 'query.cursor', constraint: 'isCursor', params: {} }]);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalid();
  const [openedAt, caseNumber] = decoded as unknown[];
  if (typeof openedAt !== 'string' || typeof caseNumber !== 'string') throw invalid();
  const instant = new Date(openedAt);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== openedAt) throw invalid();
  return { openedAt: instant, caseNumber };
}

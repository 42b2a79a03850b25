import jwt from 'jsonwebtoken';

import type { Role } from '@duban/domain';

/** HS256 secret the test API is configured with. */
export const TEST_JWT_SECRET = 'duban-test-secret-0123456789abcdefghijklmnop';

/** Signs a bearer token for a test user; `scope` is a GB/T 2260 code, or a credit code for the unit role. */
export function tokenFor(role: Role, scope: string, id = `${role}-${scope}`): string {
  const claims = role === 'unit' ? { role, unit: scope } : { role, jurisdiction: scope };
  return jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', subject: id, expiresIn: '1h' });
}

/** The Authorization header value for a test user. */
export function bearer(role: Role, scope: string): string {
  return `Bearer ${tokenFor(role, scope)}`;
}

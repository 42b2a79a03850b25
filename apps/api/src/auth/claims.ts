import {
  checkCreditCode,
  hasControlCharacter,
  isJurisdictionCode,
  isRole,
  isUnstorable,
  type Actor,
} from '@duban/domain';

/**
 * Claims Duban reads from a bearer token: `sub` (user id), `role`, `jurisdiction` (GB/T 2260 code,
 * required for every role but unit) and `unit` (credit code, required for the unit role).
 */
export interface DubanClaims {
  readonly sub?: unknown;
  readonly role?: unknown;
  readonly jurisdiction?: unknown;
  readonly unit?: unknown;
  readonly name?: unknown;
}

/** Maximum length of a user id, the token's `sub` claim. */
export const MAX_SUBJECT_LENGTH = 128;

/** Turns verified claims into the actor recorded on events, or returns the problem with them. */
export function actorFromClaims(claims: DubanClaims): Actor | string {
  if (typeof claims.sub !== 'string' || claims.sub === '') return 'the token has no sub claim';
  if (claims.sub.length > MAX_SUBJECT_LENGTH || isUnstorable(claims.sub) || hasControlCharacter(claims.sub)) {
    return `the token's sub claim must be 1 to ${MAX_SUBJECT_LENGTH} characters with no control characters`;
  }
  if (!isRole(claims.role)) return `the token's role claim ${JSON.stringify(claims.role)} is not a Duban role`;
  if (claims.role === 'unit') {
    if (typeof claims.unit !== 'string' || checkCreditCode(claims.unit) !== undefined) {
      return 'a unit token needs a unit claim holding a valid unified social credit code';
    }
    return { kind: 'user', id: claims.sub, role: claims.role, unitCreditCode: claims.unit };
  }
  if (typeof claims.jurisdiction !== 'string' || !isJurisdictionCode(claims.jurisdiction)) {
    return `a ${claims.role} token needs a jurisdiction claim holding a GB/T 2260 code`;
  }
  return { kind: 'user', id: claims.sub, role: claims.role, jurisdictionCode: claims.jurisdiction };
}

/** The role and scope an administrator stored for a user. */
export interface StoredAccess {
  readonly role: string;
  readonly jurisdictionCode: string | null;
  readonly unitCreditCode: string | null;
}

/**
 * Returns the first claim of a token that differs from the role or scope stored for its user, or undefined
 * when they agree. A user's tokens may do only what the directory allows, so a role changed by an
 * administrator takes effect before old tokens expire.
 */
export function claimMismatch(actor: Actor, stored: StoredAccess): string | undefined {
  if (actor.role !== stored.role) {
    return `the token's role claim ${actor.role ?? ''} differs from the role ${stored.role} stored for user ${actor.id}`;
  }
  if ((actor.jurisdictionCode ?? null) !== stored.jurisdictionCode) {
    return `the token's jurisdiction claim ${actor.jurisdictionCode ?? '(none)'} differs from the jurisdiction ${stored.jurisdictionCode ?? '(none)'} stored for user ${actor.id}`;
  }
  if ((actor.unitCreditCode ?? null) !== stored.unitCreditCode) {
    return `the token's unit claim ${actor.unitCreditCode ?? '(none)'} differs from the unit ${stored.unitCreditCode ?? '(none)'} stored for user ${actor.id}`;
  }
  return undefined;
}

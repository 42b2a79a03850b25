/**
 * Who issued a command or caused an event. Until callers authenticate, every event is recorded with
 * the system actor; an authenticated user adds its id, role and jurisdiction.
 */
export interface Actor {
  readonly kind: 'system' | 'user';
  readonly id: string;
  readonly role?: string;
  readonly jurisdictionCode?: string;
  readonly unitCreditCode?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system' };

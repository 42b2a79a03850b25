/** Recipient of an outbox notification, as stored in the outbox row. */
export interface OutboxRecipient {
  readonly kind: 'unit' | 'role';
  readonly jurisdictionCode: string;
  readonly role: string | null;
  readonly unitCreditCode: string | null;
}

/** An outbox notification as the channels see it. */
export interface OutboxNotification {
  /** Stable key: case number / event sequence / index in the event. */
  readonly key: string;
  readonly caseNumber: string;
  readonly sequence: number;
  readonly topic: string;
  readonly recipient: OutboxRecipient;
  readonly escalationId: string | null;
  readonly text: { readonly zh: string; readonly en: string };
  readonly createdAt: Date;
}

/** Names a recipient for logs and error messages, such as `government_leader in 430102`. */
export function describeRecipient(recipient: OutboxRecipient): string {
  if (recipient.kind === 'unit') return `unit ${recipient.unitCreditCode ?? '(no credit code)'}`;
  return `${recipient.role ?? '(no role)'} in ${recipient.jurisdictionCode}`;
}

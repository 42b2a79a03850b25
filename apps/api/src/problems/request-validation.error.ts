import type { MessageParams } from './validation-messages';

/** One failed constraint on one field, rendered into a message in the response language by the filter. */
export interface FieldViolation {
  readonly field: string;
  readonly constraint: string;
  readonly params: MessageParams;
}

/** Thrown when a request's body, query, path or headers fail validation. */
export class RequestValidationError extends Error {
  constructor(readonly violations: readonly FieldViolation[]) {
    super(`invalid request: ${violations.map((v) => `${v.field} (${v.constraint})`).join(', ')}`);
    this.name = 'RequestValidationError';
  }
}

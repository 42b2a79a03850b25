/** Reasons a command does not fit a case. The workflow rejects such an update before it enters history. */
export const REJECTION_CODES = [
  'forbidden_role',
  'outside_jurisdiction',
  'wrong_stage',
  'invalid_payload',
  'conflict',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export class CommandRejectedError extends Error {
  constructor(
    readonly code: RejectionCode,
    readonly text: { readonly zh: string; readonly en: string },
  ) {
    super(text.en);
    this.name = 'CommandRejectedError';
  }
}

export function reject(code: RejectionCode, zh: string, en: string): never {
  throw new CommandRejectedError(code, { zh, en });
}

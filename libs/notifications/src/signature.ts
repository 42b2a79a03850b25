import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every webhook request. */
export const WEBHOOK_HEADERS = {
  /** Stable key of the notification (case number / event sequence / index); receivers drop repeats by it. */
  key: 'Duban-Notification-Key',
  /** Unix time in seconds when the request was signed. */
  timestamp: 'Duban-Timestamp',
  /** `v1=` and the hex HMAC-SHA256 of `${timestamp}.${body}`. */
  signature: 'Duban-Signature',
  /** Attempt number of this delivery, from 1. */
  attempt: 'Duban-Attempt',
} as const;

const SCHEME = 'v1';

/** Default window in seconds within which a receiver accepts a signed timestamp, against replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Signs a webhook body: `v1=` followed by the lower-case hex HMAC-SHA256, keyed with the secret, of
 * the timestamp (Unix seconds), a dot and the exact body bytes.
 */
export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `${SCHEME}=${mac}`;
}

export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly reason: string };

export interface VerifyOptions {
  readonly toleranceSeconds?: number;
  /** Current Unix time in seconds; the clock by default. */
  readonly now?: number;
}

/**
 * Verifies a received webhook as a receiver should: the timestamp is recent and one of the `v1=`
 * signatures in the header matches the body. The header may list several signatures, separated by
 * commas, for a sender that signs with an old and a new secret while it rotates them. Compares in
 * constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  timestampHeader: string | undefined,
  body: string | Buffer,
  signatureHeader: string | undefined,
  options: VerifyOptions = {},
): SignatureCheck {
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader)) {
    return { valid: false, reason: `${WEBHOOK_HEADERS.timestamp} is missing or not Unix seconds` };
  }
  if (!signatureHeader) return { valid: false, reason: `${WEBHOOK_HEADERS.signature} is missing` };
  const timestamp = Number(timestampHeader);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) {
    return { valid: false, reason: `the timestamp is more than ${tolerance} s away from the current time` };
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  for (const candidate of signatureHeader.split(',').map((part) => Buffer.from(part.trim()))) {
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return { valid: true };
  }
  return { valid: false, reason: 'no signature matches the body' };
}

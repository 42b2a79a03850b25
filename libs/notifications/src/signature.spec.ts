import { signWebhook, verifyWebhookSignature } from './signature';

// Expected value computed independently with:
//   printf '%s' '1764842400.{"key":"HZ-2025-0001/3/0","topic":"overdue_notice"}' \
//     | openssl dgst -sha256 -hmac 'whsec-duban-test-0123456789abcdefghij'
const SECRET = 'whsec-duban-test-0123456789abcdefghij';
const TIMESTAMP = 1764842400;
const BODY = '{"key":"HZ-2025-0001/3/0","topic":"overdue_notice"}';
const EXPECTED = 'v1=dfd9c6ce79659d28f925fcfc463d0d88063a1357293a1f27abbcf264409d0418';

describe('signWebhook', () => {
  it('matches an HMAC-SHA256 computed by openssl', () => {
    expect(signWebhook(SECRET, TIMESTAMP, BODY)).toBe(EXPECTED);
  });

  it('signs bytes the same as the string', () => {
    expect(signWebhook(SECRET, TIMESTAMP, Buffer.from(BODY))).toBe(EXPECTED);
  });
});

describe('verifyWebhookSignature', () => {
  const now = TIMESTAMP + 10;

  it('accepts the signature of the body', () => {
    expect(verifyWebhookSignature(SECRET, String(TIMESTAMP), BODY, EXPECTED, { now })).toEqual({ valid: true });
  });

  it('accepts one matching signature among several', () => {
    const header = `v1=${'0'.repeat(64)}, ${EXPECTED}`;

    expect(verifyWebhookSignature(SECRET, String(TIMESTAMP), BODY, header, { now })).toEqual({ valid: true });
  });

  it.each([
    ['a changed body', String(TIMESTAMP), `${BODY} `, EXPECTED, SECRET],
    ['a changed timestamp', String(TIMESTAMP + 1), BODY, EXPECTED, SECRET],
    ['another secret', String(TIMESTAMP), BODY, EXPECTED, `${SECRET}x`],
    ['a truncated signature', String(TIMESTAMP), BODY, EXPECTED.slice(0, -2), SECRET],
  ])('rejects %s', (_case, timestamp, body, signature, secret) => {
    const check = verifyWebhookSignature(secret, timestamp, body, signature, { now });

    expect(check).toEqual({ valid: false, reason: 'no signature matches the body' });
  });

  it('rejects a timestamp outside the tolerance', () => {
    const check = verifyWebhookSignature(SECRET, String(TIMESTAMP), BODY, EXPECTED, { now: TIMESTAMP + 301 });

    expect(check.valid).toBe(false);
  });

  it('rejects missing headers', () => {
    expect(verifyWebhookSignature(SECRET, undefined, BODY, EXPECTED, { now }).valid).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(TIMESTAMP), BODY, undefined, { now }).valid).toBe(false);
    expect(verifyWebhookSignature(SECRET, 'yesterday', BODY, EXPECTED, { now }).valid).toBe(false);
  });
});

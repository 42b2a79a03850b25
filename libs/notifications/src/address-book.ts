import { isJurisdictionCode, isRole, isValidCreditCode, ROLES } from '@duban/domain';

import type { OutboxRecipient } from './outbox-notification';

/**
 * Email addresses of notification recipients, read from a JSON file:
 *
 * ```json
 * {
 *   "roles": [{ "role": "government_leader", "jurisdictionCode": "430102", "emails": ["leader@example.gov.cn"] }],
 *   "units": [{ "unitCreditCode": "91430102MA4L0Q0B18", "emails": ["safety@example.com"] }]
 * }
 * ```
 *
 * A role entry matches recipients of that role in exactly that jurisdiction, not the ones below it.
 */
export class AddressBook {
  private constructor(
    private readonly roles: ReadonlyMap<string, readonly string[]>,
    private readonly units: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** Parses and checks the file's content; throws AddressBookError listing every problem. */
  static parse(json: string): AddressBook {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (error) {
      throw new AddressBookError([`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
    }
    const problems: string[] = [];
    const roles = new Map<string, string[]>();
    const units = new Map<string, string[]>();
    if (!isObject(document)) throw new AddressBookError(['must be a JSON object with "roles" and "units" arrays']);
    for (const field of Object.keys(document)) {
      if (field !== 'roles' && field !== 'units') problems.push(`${field}: is not a known field; remove it`);
    }
    for (const [index, entry] of arrayField(document, 'roles', problems).entries()) {
      const path = `roles[${index}]`;
      if (!isObject(entry)) {
        problems.push(`${path}: must be an object with role, jurisdictionCode and emails`);
        continue;
      }
      if (!isRole(entry['role'])) problems.push(`${path}.role: must be one of ${ROLES.join(', ')}`);
      const code = entry['jurisdictionCode'];
      if (typeof code !== 'string' || !isJurisdictionCode(code)) {
        problems.push(`${path}.jurisdictionCode: must be a six-digit GB/T 2260 code such as 430102`);
      }
      const emails = emailList(entry['emails'], `${path}.emails`, problems);
      if (isRole(entry['role']) && typeof code === 'string') add(roles, roleKey(entry['role'], code), emails);
    }
    for (const [index, entry] of arrayField(document, 'units', problems).entries()) {
      const path = `units[${index}]`;
      if (!isObject(entry)) {
        problems.push(`${path}: must be an object with unitCreditCode and emails`);
        continue;
      }
      const code = entry['unitCreditCode'];
      if (typeof code !== 'string' || !isValidCreditCode(code)) {
        problems.push(`${path}.unitCreditCode: must be a valid 18-character unified social credit code`);
      }
      const emails = emailList(entry['emails'], `${path}.emails`, problems);
      if (typeof code === 'string') add(units, code, emails);
    }
    if (problems.length > 0) throw new AddressBookError(problems);
    return new AddressBook(roles, units);
  }

  /** Returns the addresses of a recipient, or none when the book has no entry for it. */
  addressesFor(recipient: OutboxRecipient): readonly string[] {
    if (recipient.kind === 'unit') {
      return recipient.unitCreditCode === null ? [] : (this.units.get(recipient.unitCreditCode) ?? []);
    }
    if (recipient.role === null) return [];
    return this.roles.get(roleKey(recipient.role, recipient.jurisdictionCode)) ?? [];
  }
}

export class AddressBookError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid address book: ${problems.join('; ')}`);
    this.name = 'AddressBookError';
  }
}

// A loose check that catches typos such as a missing @ or a space. The SMTP server makes the final check.
const EMAIL_PATTERN = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function roleKey(role: string, jurisdictionCode: string): string {
  return `${role}@${jurisdictionCode}`;
}

function add(map: Map<string, string[]>, key: string, emails: readonly string[]): void {
  map.set(key, [...new Set([...(map.get(key) ?? []), ...emails])]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayField(document: Record<string, unknown>, field: string, problems: string[]): unknown[] {
  const value = document[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${field}: must be an array`);
    return [];
  }
  return value as unknown[];
}

function emailList(value: unknown, path: string, problems: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${path}: must be a non-empty array of email addresses`);
    return [];
  }
  const emails: string[] = [];
  for (const [index, email] of (value as unknown[]).entries()) {
    if (typeof email === 'string' && EMAIL_PATTERN.test(email)) emails.push(email);
    else problems.push(`${path}[${index}]: ${JSON.stringify(email)} is not an email address`);
  }
  return emails;
}

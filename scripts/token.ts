/**
 * `npm run token -- --role ROLE --jurisdiction CODE [--unit CREDIT_CODE] [--sub ID] [--hours N]`
 * prints a bearer token for local use, signed with AUTH_JWT_SECRET or the secret `npm start` keeps in
 * the data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import jwt from 'jsonwebtoken';

import { checkCreditCode, isJurisdictionCode, isRole, ROLES } from '@duban/domain';
import { localSecretPath } from '@duban/local-stack';
import { projectRoot } from '@duban/temporal';

const USAGE = `Usage: npm run token -- --role ROLE --jurisdiction CODE [--unit CREDIT_CODE] [--sub ID] [--hours N]
  --role          one of ${ROLES.join(', ')}
  --jurisdiction  GB/T 2260 code of the user's jurisdiction (every role but unit)
  --unit          unified social credit code (unit role)
  --sub           user id recorded on events (default: ROLE-SCOPE)
  --hours         validity in hours (default 12)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function secret(): string {
  if (process.env.AUTH_JWT_SECRET) return process.env.AUTH_JWT_SECRET;
  const path = localSecretPath(resolve(projectRoot(), process.env.DUBAN_DATA_DIR ?? 'data'));
  if (!existsSync(path)) fail(`No secret: set AUTH_JWT_SECRET, or run npm start once so it creates ${path}.`);
  return readFileSync(path, 'utf8').trim();
}

function parse() {
  return parseArgs({
    options: {
      role: { type: 'string' },
      jurisdiction: { type: 'string' },
      unit: { type: 'string' },
      sub: { type: 'string' },
      hours: { type: 'string', default: '12' },
    },
  });
}

function main(): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}; got ${String(values.role)}.`);
  const hours = Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) fail('--hours must be a whole number from 1 to 720.');
  let claims: Record<string, string>;
  let scope: string;
  if (values.role === 'unit') {
    if (!values.unit || checkCreditCode(values.unit) !== undefined)
      fail('--unit must be a valid unified social credit code.');
    claims = { role: values.role, unit: values.unit };
    scope = values.unit;
  } else {
    if (!values.jurisdiction || !isJurisdictionCode(values.jurisdiction))
      fail('--jurisdiction must be a GB/T 2260 code such as 430102.');
    claims = { role: values.role, jurisdiction: values.jurisdiction };
    scope = values.jurisdiction;
  }
  const token = jwt.sign(claims, secret(), {
    algorithm: 'HS256',
    subject: values.sub ?? `${values.role}-${scope}`,
    expiresIn: `${hours}h`,
  });
  console.log(token);
}

main();

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { VARIABLES } from '@duban/config';

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

// There is no Docker engine on the development machines, so this checks the file against the code
// instead of running it.
describe('docker-compose.yml', () => {
  it('has the deployment topology', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'temporal',
      'temporal-ui',
      'worker',
    ]);
  });

  it.each(['api', 'migrate', 'worker'])('runs %s from a compiled entry point that exists in the sources', (name) => {
    const command = compose.services[name]?.command ?? [];
    const entry = command[1] ?? '';

    expect(command[0]).toBe('node');
    expect(entry).toMatch(/^dist\/.+\.js$/);
    expect(existsSync(join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it.each(['api', 'migrate', 'worker'])('sets only variables %s knows', (name) => {
    const names = Object.keys(compose.services[name]?.environment ?? {});

    expect(names.length).toBeGreaterThan(0);
    for (const variable of names) expect(Object.keys(VARIABLES)).toContain(variable);
  });

  it.each(['postgres', 'temporal', 'api', 'worker'])('gives %s a health check', (name) => {
    expect(compose.services[name]?.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('starts the API and worker only after the migrations and a healthy Temporal', () => {
    for (const name of ['api', 'worker']) {
      expect(compose.services[name]?.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        temporal: { condition: 'service_healthy' },
      });
    }
  });

  it('points every service at the same database and Temporal frontend', () => {
    const urls = new Set(
      ['api', 'migrate', 'worker'].map((name) => compose.services[name]?.environment?.['DATABASE_URL']),
    );
    const postgres = compose.services['postgres']?.environment ?? {};

    expect(urls.size).toBe(1);
    expect([...urls][0]).toBe(
      `postgres://${postgres['POSTGRES_USER']}:${postgres['POSTGRES_PASSWORD']}@postgres:5432/${postgres['POSTGRES_DB']}`,
    );
    expect(compose.services['api']?.environment?.['TEMPORAL_ADDRESS']).toBe('temporal:7233');
    expect(compose.services['worker']?.environment?.['TEMPORAL_ADDRESS']).toBe('temporal:7233');
  });
});

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it.each(Object.keys(VARIABLES))('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
  });
});

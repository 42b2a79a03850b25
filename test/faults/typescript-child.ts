import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// Compiles .ts files on require with the project's SWC settings (the same as Jest's), so a child
// process can run a script from source without a build.
const REGISTER_AND_RUN = `
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const root = ${JSON.stringify(ROOT)};
const options = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
options.jsc.baseUrl = root;
options.swcrc = false;
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
require(path.resolve(root, process.argv[1]));
`;

/** Starts `node` on a TypeScript file of the project (a path relative to its root), without a build. */
export function spawnTypeScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['-e', REGISTER_AND_RUN, script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

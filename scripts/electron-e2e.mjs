// Runs the Electron specs; where Electron cannot run they are reported as skipped, with why.
import { spawnSync } from 'node:child_process';
import { findElectronBinary, noDisplayReason } from './electron-binary.mjs';

const binary = findElectronBinary();
const why = binary.path ? noDisplayReason() : binary.reason;
if (why) console.log(`Electron specs will be skipped: ${why}.`);
const result = spawnSync('npx', ['playwright', 'test', '--project=electron'], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;

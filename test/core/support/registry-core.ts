import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { CommandResolver } from '../../../electron/core/supervisor/command-resolver';
import { TestRegistry } from '../registry/test-registry-server';
import { MemorySecretStore } from './memory-secret-store';
import { until } from './served-core';
import { tempDir } from './temp-dirs';
import { createTestCore } from './test-core';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../electron/core/supervisor/fixtures/fixture-server.mjs',
);

/**
 * Stand-ins for npx, uvx and docker (the real ones would download packages that do not exist):
 * each records the arguments and environment it was started with, then runs the fixture MCP
 * server. What the core resolves, spawns and connects to is otherwise real.
 */
function shims(dir: string, names = ['npx', 'uvx', 'docker']): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const name of names) {
    const file = path.join(bin, name);
    fs.writeFileSync(
      file,
      `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/${name}.args"\nenv > "${dir}/${name}.env"\n` +
        `exec "${process.execPath}" "${FIXTURE}"\n`,
      { mode: 0o755 },
    );
  }
  return bin;
}

/** A started core whose registry is a {@link TestRegistry}; both stop when the test finishes. */
export async function registryCore(options: { bin?: string[] } = {}) {
  const dir = tempDir();
  const registry = await new TestRegistry().start();
  onTestFinished(() => registry.close());
  const secrets = new MemorySecretStore();
  const PATH = [shims(dir, options.bin), '/usr/bin', '/bin'].join(path.delimiter);
  const env = { ...process.env, PATH, MCP_TRAY_REGISTRY_URL: registry.url };
  const core = createTestCore(path.join(dir, 'data'), {
    secrets,
    env,
    commands: new CommandResolver({ platform: process.platform, env, loginShellPath: async () => null }),
  });
  onTestFinished(() => core.stop());
  await core.start();
  const call = <T>(name: string, input: unknown) =>
    core.dispatcher.dispatch(name, input).then((r) => {
      if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
      return r.value as T;
    });
  const settingsText = () => fs.readFileSync(path.join(dir, 'data', 'settings.json'), 'utf8');
  const args = (name: string) =>
    fs
      .readFileSync(path.join(dir, `${name}.args`), 'utf8')
      .trim()
      .split('\n');
  const running = (id: string) =>
    until(
      () => core.services.instances.list().find((s) => s.id === id && s.state === 'running'),
      `${id} running`,
    );
  return { dir, registry, core, secrets, call, settingsText, args, running };
}

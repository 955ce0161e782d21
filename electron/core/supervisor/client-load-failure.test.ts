import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

// The SDK client code as if the build had been replaced under a running core: its chunk is gone.
vi.mock('./upstream-client', () => {
  throw new Error('Cannot find module upstream-client');
});

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

describe('a server whose client code cannot be loaded', () => {
  it('fails with the reason, and nothing is spawned', async () => {
    const core = createTestCore(tempDir());
    cores.push(core);
    await core.start();
    const marker = path.join(tempDir(), 'started');
    const failed = new Promise<string | null>((resolve) => {
      core.bus.on('instanceStateChanged', ({ id, transition }) => {
        if (id === 'x' && transition.state === 'failed') resolve(transition.reason);
      });
    });
    // The server would leave a file behind if it ever ran.
    await core.services.instances.addCustom({
      id: 'x',
      command: process.execPath,
      args: ['-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`],
      env: {},
      secretEnv: {},
    });
    expect(await failed).toMatch(/error/i);
    expect(core.supervisor.runner('x')?.state).toBe('failed');
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });
});

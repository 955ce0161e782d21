import { onTestFinished } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { InstanceState } from '../../../electron/shared/contract';
import type { Logger } from '../../../electron/core/platform/logger';
import { TestBrowser } from '../auth/test-browser';
import { MemorySecretStore } from '../support/memory-secret-store';
import { brokerClient } from '../support/broker-client';
import { tempDir } from '../support/temp-dirs';
import { createTestCore } from '../support/test-core';
import type { RemoteServerOptions } from './test-remote-server';
import { startRemoteServer } from './test-remote-server';

/**
 * Test helper: a real core (only the keychain in memory, the browser a `TestBrowser`) with one
 * remote instance `remote` pointed at a local remote MCP server, and the AI client's view of
 * it through the broker.
 */
export async function remoteSetup(options: RemoteServerOptions = {}, logger?: Logger) {
  const server = await startRemoteServer(options);
  onTestFinished(() => server.close());
  const dataDir = tempDir();
  const browser = new TestBrowser();
  const secrets = new MemorySecretStore();
  const core = createTestCore(dataDir, {
    opener: browser,
    secrets,
    ...(logger ? { logger } : {}),
    tuning: { health: { intervalMs: 60_000, timeoutMs: 5_000, unhealthyAfter: 2, restartAfter: 3 } },
  });
  onTestFinished(() => core.stop());
  await core.start();
  const id = 'remote';
  const detail = () => core.services.instances.get(id);
  const waitState = (want: InstanceState, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      if (detail().state === want) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`still ${detail().state} (${detail().stateReason}), not ${want}`)),
        timeoutMs,
      );
      const off = core.bus.on('instanceStateChanged', ({ id: changed, transition }) => {
        if (changed === id && transition.state === want) {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  const settings = () => core.services.instances.configs().find((c) => c.id === id)!;
  /** Signs in through the test browser; resolves with the authorization URL it opened. */
  const signIn = async (login = 'ada'): Promise<URL> => {
    const start = await core.services.accounts.start(id, true);
    if (start.kind !== 'browser') throw new Error('expected a browser sign-in');
    const visit = await browser.authorize(browser.lastOpened, { login });
    if (visit.status !== 200) throw new Error(`callback answered ${visit.status}: ${visit.html}`);
    await core.services.accounts.wait(id);
    await waitState('running');
    return new URL(start.url);
  };
  /** A tool call as an AI client makes it: through the broker. */
  const call = async (tool: string): Promise<CallToolResult> => {
    const client = await brokerClient(core, id);
    onTestFinished(() => client.close());
    return (await client.callTool({ name: tool, arguments: {} })) as CallToolResult;
  };
  const text = (result: CallToolResult) =>
    result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  const accessToken = () => secrets.values.get(`${id}:oauth.access`);
  return {
    server,
    core,
    browser,
    secrets,
    dataDir,
    id,
    detail,
    waitState,
    settings,
    signIn,
    call,
    text,
    accessToken,
  };
}

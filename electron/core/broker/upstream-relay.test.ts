import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readPhase } from '../../../test/core/support/read-phase';
import { ChildStdioTransport } from '../supervisor/child-transport';
import { UpstreamRelay } from './upstream-relay';

/** A real server stand-in: answers every request line with an empty result, in its own layout. */
function answering() {
  const script = `require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
    const { id } = JSON.parse(line);
    process.stdout.write('{"result":{"content":[]},"jsonrpc":"2.0","id":' + JSON.stringify(id) + '}\\n');
  });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'pipe' });
  child.stderr.resume();
  return child;
}

describe('UpstreamRelay', () => {
  const children: ReturnType<typeof answering>[] = [];
  afterEach(() => children.splice(0).forEach((child) => child.kill()));

  it('takes its reply in the read that brought it, with the line as the server wrote it', async () => {
    const child = answering();
    children.push(child);
    const phase = readPhase(child.stdout);
    const transport = new ChildStdioTransport(child, () => undefined);
    const toSdk: unknown[] = [];
    transport.onmessage = (message) => toSdk.push(message);
    await transport.start();
    const relay = new UpstreamRelay(transport);
    const replied = new Promise<{ phase: string; line: string | undefined }>((resolve) => {
      relay.send(
        'tools/call',
        { name: 'x' },
        { onReply: (_reply, line) => resolve({ phase: phase(), line }), onClosed: () => undefined },
      );
    });
    await expect(replied).resolves.toEqual({
      phase: 'read',
      line: '{"result":{"content":[]},"jsonrpc":"2.0","id":-1}',
    });
    expect(toSdk).toEqual([]);
  });
});

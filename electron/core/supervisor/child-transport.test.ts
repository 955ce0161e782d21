import { spawn } from 'node:child_process';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildStdioTransport } from './child-transport';

/** A real child that prints `lines` in one write, then waits for stdin to close. */
function printer(lines: object[]) {
  const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
  const script = `process.stdout.write(${JSON.stringify(text)}); process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'pipe' });
  child.stderr.resume();
  return child;
}

const reply = (id: number) => ({ jsonrpc: '2.0', id, result: { content: [] } });
const notification = {
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data: 'x' },
};

describe('ChildStdioTransport.takeFirst', () => {
  const children: ReturnType<typeof printer>[] = [];
  afterEach(() => children.splice(0).forEach((child) => child.kill()));

  it('offers a message in the read that brought it, before any microtask, with its text', async () => {
    const child = printer([reply(-1)]);
    children.push(child);
    // Registered before the transport's own listener, so it runs first for the same chunk.
    let phase = 'before';
    child.stdout.on('data', () => {
      phase = 'read';
      queueMicrotask(() => (phase = 'microtask'));
    });
    const transport = new ChildStdioTransport(child, () => undefined);
    const delivered: JSONRPCMessage[] = [];
    transport.onmessage = (message) => delivered.push(message);
    const taken = new Promise<{ phase: string; line: string }>((resolve) =>
      transport.takeFirst((_message, line) => {
        resolve({ phase, line });
        return true;
      }),
    );
    await transport.start();
    await expect(taken).resolves.toEqual({ phase: 'read', line: JSON.stringify(reply(-1)) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual([]);
  });

  it('keeps the order: what comes after a queued message waits behind it for onmessage', async () => {
    const child = printer([notification, reply(-1), reply(-2)]);
    children.push(child);
    const transport = new ChildStdioTransport(child, () => undefined);
    const offered: unknown[] = [];
    const delivered: unknown[] = [];
    // Takes replies only: the notification is queued, so the replies behind it are not offered.
    transport.takeFirst((message) => {
      offered.push((message as { id?: unknown }).id ?? 'notification');
      return 'id' in message;
    });
    const done = new Promise<void>((resolve) => {
      transport.onmessage = (message) => {
        delivered.push((message as { id?: unknown }).id ?? 'notification');
        if (delivered.length === 3) resolve();
      };
    });
    await transport.start();
    await done;
    expect(offered).toEqual(['notification']);
    expect(delivered).toEqual(['notification', -1, -2]);
  });

  it('offers each message again once the queue is empty, and delivers what it declines', async () => {
    const child = printer([reply(-1), notification, reply(-2)]);
    children.push(child);
    const transport = new ChildStdioTransport(child, () => undefined);
    const offered: unknown[] = [];
    const delivered: unknown[] = [];
    transport.takeFirst((message) => {
      offered.push((message as { id?: unknown }).id ?? 'notification');
      return (message as { id?: unknown }).id === -1;
    });
    const done = new Promise<void>((resolve) => {
      transport.onmessage = (message) => {
        delivered.push((message as { id?: unknown }).id ?? 'notification');
        if (delivered.length === 2) resolve();
      };
    });
    await transport.start();
    await done;
    expect(offered).toEqual([-1, 'notification']);
    expect(delivered).toEqual(['notification', -2]);
  });
});

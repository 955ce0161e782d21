import { spawn } from 'node:child_process';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { readPhase } from '../../../test/core/support/read-phase';
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
    const phase = readPhase(child.stdout);
    const transport = new ChildStdioTransport(child, () => undefined);
    const delivered: JSONRPCMessage[] = [];
    transport.onmessage = (message) => delivered.push(message);
    const taken = new Promise<{ phase: string; line: string }>((resolve) =>
      transport.takeFirst((_message, line) => {
        resolve({ phase: phase(), line });
        return true;
      }),
    );
    await transport.start();
    await expect(taken).resolves.toEqual({ phase: 'read', line: JSON.stringify(reply(-1)) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual([]);
  });

  /** Runs `lines` through a transport whose takeFirst takes what `take` says; what went where. */
  async function route(lines: object[], take: (id: unknown) => boolean, delivers: number) {
    const child = printer(lines);
    children.push(child);
    const transport = new ChildStdioTransport(child, () => undefined);
    const name = (message: JSONRPCMessage) => (message as { id?: unknown }).id ?? 'notification';
    const offered: unknown[] = [];
    const delivered: unknown[] = [];
    transport.takeFirst((message) => {
      offered.push(name(message));
      return take(name(message));
    });
    const done = new Promise<void>((resolve) => {
      transport.onmessage = (message) => {
        delivered.push(name(message));
        if (delivered.length === delivers) resolve();
      };
    });
    await transport.start();
    await done;
    return { offered, delivered };
  }

  it('keeps the order: what comes after a queued message waits behind it for onmessage', async () => {
    // Takes replies only: the notification is queued, so the replies behind it are not offered.
    const routed = await route([notification, reply(-1), reply(-2)], (id) => id !== 'notification', 3);
    expect(routed).toEqual({ offered: ['notification'], delivered: ['notification', -1, -2] });
  });

  it('offers each message again once the queue is empty, and delivers what it declines', async () => {
    const routed = await route([reply(-1), notification, reply(-2)], (id) => id === -1, 2);
    expect(routed).toEqual({ offered: [-1, 'notification'], delivered: ['notification', -2] });
  });
});

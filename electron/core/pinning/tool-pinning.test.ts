import fs from 'node:fs';
import path from 'node:path';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { PinStore } from './pin-store';
import { toolHash } from './tool-definition';
import { ToolPinning } from './tool-pinning';

const tool = (name: string, description: string, properties: Record<string, object> = {}): Tool => ({
  name,
  description,
  inputSchema: { type: 'object', properties },
});

/** A pinning over a real folder; `events` records every review change it announces. */
function pinning(dir: string) {
  const events: [string, string[]][] = [];
  const pins = new ToolPinning({
    store: new PinStore(dir, systemClock, silentLogger),
    clock: systemClock,
    logger: silentLogger,
    onReviewChanged: (id, pending) => events.push([id, pending]),
  });
  return { pins, events };
}

describe('canonical tool hash', () => {
  it('ignores key order at every depth but not a changed word or array order', () => {
    const a: Tool = {
      name: 't',
      description: 'd',
      inputSchema: { type: 'object', properties: { x: { type: 'string', enum: ['a', 'b'] } } },
      annotations: { readOnlyHint: true, title: 'T' },
    };
    const b = JSON.parse(
      '{"annotations":{"title":"T","readOnlyHint":true},"inputSchema":{"properties":{"x":{"enum":["a","b"],"type":"string"}},"type":"object"},"description":"d","name":"t"}',
    ) as Tool;
    expect(toolHash(b)).toBe(toolHash(a));
    expect(toolHash({ ...a, description: 'd.' })).not.toBe(toolHash(a));
    const reordered = {
      ...a,
      inputSchema: { type: 'object' as const, properties: { x: { enum: ['b', 'a'] } } },
    };
    expect(toolHash(reordered)).not.toBe(toolHash(a));
    // Fields that are not pinned do not count.
    expect(toolHash({ ...a, _meta: { build: 2 } })).toBe(toolHash(a));
  });
});

describe('ToolPinning', () => {
  it('approves the first list as shown and keeps it across restarts of the core', () => {
    const dir = tempDir();
    const first = pinning(dir);
    first.pins.observe('svc', [tool('a', 'Adds'), tool('b', 'Lists')]);
    expect(first.pins.pending('svc')).toEqual([]);
    expect(first.events).toEqual([]);
    expect((fs.statSync(path.join(dir, 'svc.json')).mode & 0o777).toString(8)).toBe('600');

    const again = pinning(dir);
    again.pins.observe('svc', [tool('a', 'Adds and sends'), tool('b', 'Lists'), tool('c', 'New')]);
    expect(again.pins.pending('svc')).toEqual(['a', 'c']);
    expect(again.events).toEqual([['svc', ['a', 'c']]]);
    expect(again.pins.status('svc', tool('b', 'Lists'))).toBe('approved');
    expect(again.pins.statusByName('svc', 'a')).toBe('pending');
    expect(again.pins.statusByName('svc', 'zzz')).toBe('unlisted');
  });

  it('approve and reject change what waits; a rejected version stays quiet until it changes', () => {
    const { pins, events } = pinning(tempDir());
    pins.observe('svc', [tool('a', 'v1')]);
    pins.observe('svc', [tool('a', 'v2'), tool('b', 'new')]);
    pins.approve('svc', [tool('a', 'v2')]);
    expect(pins.pending('svc')).toEqual(['b']);
    expect(pins.approvedVersion('svc', 'a')?.definition.description).toBe('v2');
    pins.reject('svc', [tool('b', 'new')]);
    expect(pins.pending('svc')).toEqual([]);
    expect(pins.status('svc', tool('b', 'new'))).toBe('rejected');
    pins.observe('svc', [tool('a', 'v2'), tool('b', 'new')]);
    expect(pins.pending('svc')).toEqual([]);
    pins.observe('svc', [tool('a', 'v2'), tool('b', 'newer')]);
    expect(pins.pending('svc')).toEqual(['b']);
    expect(events.map(([, p]) => p)).toEqual([['a', 'b'], ['b'], [], ['b']]);
  });

  it('keeps approvals of a tool that went away, so it comes back without a review', () => {
    const { pins } = pinning(tempDir());
    pins.observe('svc', [tool('a', 'v1'), tool('b', 'v1')]);
    pins.observe('svc', []);
    pins.observe('svc', [tool('a', 'v1'), tool('b', 'v1')]);
    expect(pins.pending('svc')).toEqual([]);
  });

  it('a damaged pins file is moved aside and every tool waits for review (never all approved)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'svc.json'), '{ not json');
    const { pins } = pinning(dir);
    pins.observe('svc', [tool('a', 'v1')]);
    expect(pins.pending('svc')).toEqual(['a']);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('svc.json.corrupt-'))).toBe(true);
  });

  it('forgets a removed instance: a new one with its id starts fresh', () => {
    const dir = tempDir();
    const { pins, events } = pinning(dir);
    pins.observe('svc', [tool('a', 'v1')]);
    pins.observe('svc', [tool('a', 'v2')]);
    pins.forget('svc');
    expect(fs.existsSync(path.join(dir, 'svc.json'))).toBe(false);
    expect(events.at(-1)).toEqual(['svc', []]);
    pins.observe('svc', [tool('a', 'v3')]);
    expect(pins.pending('svc')).toEqual([]);
  });
});

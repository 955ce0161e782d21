import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { EventBus } from '../event-bus';
import { silentLogger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import { createTestCore } from '../../../test/core/support/test-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { DeepLinkService, INVALID_LINK_NOTICE } from './deep-link-service';
import { NoticeService } from './notice-service';

function setup() {
  const bus = new EventBus();
  const notices = new NoticeService(bus);
  const requested: EventPayload<'installRequested'>[] = [];
  bus.on('installRequested', (payload) => requested.push(payload));
  return { service: new DeepLinkService(bus, notices, silentLogger), notices, requested };
}

describe('DeepLinkService', () => {
  it('announces a valid link to the UIs and returns what it asks for', () => {
    const { service, requested, notices } = setup();
    const request = service.open('mcp-tray://install?integration=github');
    expect(request).toEqual({ kind: 'catalog', integrationId: 'github' });
    expect(requested).toEqual([{ request }]);
    expect(notices.list()).toEqual([]);
  });

  it('refuses an invalid link with the reason, as an error and a notice, announcing nothing', () => {
    const { service, requested, notices } = setup();
    let error: unknown;
    try {
      service.open('mcp-tray://install?command=sh&run=now');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ code: 'invalid-link', message: expect.stringMatching(/"run"/) as unknown });
    expect(requested).toEqual([]);
    expect(notices.list()).toEqual([
      {
        id: INVALID_LINK_NOTICE,
        level: 'warning',
        message: expect.stringMatching(/^MCP Tray could not use the install link: .*"run"/) as unknown,
      },
    ]);
    // A good link afterwards clears the old complaint.
    service.open('mcp-tray://install?url=https%3A%2F%2Fexample.com%2Fmcp');
    expect(notices.list()).toEqual([]);
  });
});

describe('openInstallLink through the dispatcher', () => {
  it('validates, answers with the request and emits installRequested', async () => {
    const core = createTestCore(tempDir());
    const seen: unknown[] = [];
    core.bus.on('installRequested', (payload) => seen.push(payload));
    const answer = await core.dispatcher.dispatch('openInstallLink', {
      url: 'mcp-tray://install?command=npx&arg=-y&arg=notes&secret=NOTES_TOKEN',
    });
    const request = {
      kind: 'custom',
      command: 'npx',
      args: ['-y', 'notes'],
      env: {},
      secretEnvNames: ['NOTES_TOKEN'],
    };
    expect(answer).toEqual({ ok: true, value: { request } });
    expect(seen).toEqual([{ request }]);
    expect(await core.dispatcher.dispatch('openInstallLink', { url: 'https://example.com' })).toEqual({
      ok: false,
      error: { code: 'invalid-link', message: 'This is not an mcp-tray:// link.' },
    });
    expect(await core.dispatcher.dispatch('openInstallLink', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../electron/core/integrations/manifest';
import { connectTestClient } from '../../shared/test/connect';
import { staticToken } from '../../shared/token-source';
import { createServer } from '../src/create-server';
import { decodeFile, lineWindow } from '../src/file-content';
import { encodePath, githubErrorDetail, githubRateLimitWait, nextPage } from '../src/github-api';

const NOW = Date.parse('2025-01-01T00:00:00Z');
const response = (status: number, headers: Record<string, string>) => new Response(null, { status, headers });

describe('GitHub rate limits', () => {
  it.each([
    ['secondary: retry-after', 403, { 'retry-after': '30' }, 30_000],
    ['secondary on 429', 429, { 'retry-after': '5' }, 5_000],
    [
      'primary: remaining 0 until reset',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 90) },
      90_000,
    ],
    [
      'primary reset already past',
      429,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 5) },
      0,
    ],
    ['a plain 403 is a permission problem', 403, { 'x-ratelimit-remaining': '4999' }, null],
    ['other statuses are not rate limits', 200, { 'x-ratelimit-remaining': '0' }, null],
  ])('%s', (_, status, headers, wait) => {
    expect(githubRateLimitWait(response(status, headers), NOW)).toBe(wait);
  });
});

describe('helpers', () => {
  it('reads the next page from a Link header', () => {
    const link =
      '<https://api.github.com/repositories/1300192/issues?page=3>; rel="next", ' +
      '<https://api.github.com/repositories/1300192/issues?page=5>; rel="last", ' +
      '<https://api.github.com/repositories/1300192/issues?page=1>; rel="first"';
    expect(nextPage(link)).toBe(3);
    expect(nextPage('<https://api.github.com/x?page=1>; rel="prev"')).toBeNull();
    expect(nextPage(null)).toBeNull();
  });

  it('turns GitHub error bodies into a short detail', () => {
    expect(githubErrorDetail({ message: 'Not Found' })).toBe('Not Found');
    expect(
      githubErrorDetail({
        message: 'Validation Failed',
        errors: [
          { resource: 'Label', code: 'invalid', field: 'name' },
          { code: 'custom', message: 'too long' },
        ],
      }),
    ).toBe('Validation Failed; name invalid; too long');
    expect(githubErrorDetail('nope')).toBeNull();
  });

  it('encodes content paths segment by segment', () => {
    expect(encodePath('/docs/read me#1.md')).toBe('docs/read%20me%231.md');
    expect(() => encodePath('a/./b')).toThrow('"." or ".."');
  });

  it('decodes base64 text, and recognizes binary and too-large files', () => {
    expect(decodeFile('base64', Buffer.from('\uFEFFhé\n').toString('base64'))).toEqual({
      kind: 'text',
      text: 'hé\n',
    });
    expect(decodeFile('base64', Buffer.from([0x47, 0x49, 0x46, 0]).toString('base64'))).toEqual({
      kind: 'binary',
    });
    expect(decodeFile('base64', Buffer.from([0xff, 0xfe, 0x41]).toString('base64'))).toEqual({
      kind: 'binary',
    });
    expect(decodeFile('none', '')).toEqual({ kind: 'too-large' });
  });

  it('cuts text at whole lines, and one huge line rather than nothing', () => {
    expect(lineWindow('a\nb\nc\n', 2, 100)).toEqual({
      text: 'b\nc',
      firstLine: 2,
      lastLine: 3,
      totalLines: 3,
      nextStartLine: null,
    });
    expect(lineWindow('aaaa\nbbbb\ncccc', 1, 10)).toMatchObject({
      text: 'aaaa\nbbbb',
      lastLine: 2,
      nextStartLine: 3,
    });
    expect(lineWindow('x'.repeat(50), 1, 10)).toMatchObject({
      text: `${'x'.repeat(10)} …`,
      lastLine: 1,
      nextStartLine: null,
    });
  });
});

describe('manifest', () => {
  const raw: unknown = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '../manifest.json'), 'utf8'),
  );

  it("is a valid MCPB manifest with MCP Tray's device sign-in", () => {
    const manifest = Manifest.parse(raw);
    const auth = manifest._meta?.['dev.mcptray']?.auth;
    expect(auth).toMatchObject({
      type: 'device',
      deviceAuthorizationEndpoint: 'https://github.com/login/device/code',
      tokenEndpoint: 'https://github.com/login/oauth/access_token',
      scopes: ['repo', 'read:org', 'notifications'],
      token: { env: 'GITHUB_TOKEN' },
    });
    expect(manifest.user_config.api_url).toMatchObject({
      default: 'https://api.github.com',
      sensitive: false,
    });
    const extension = (raw as { _meta: Record<string, { auth: Record<string, unknown> }> })._meta[
      'dev.mcptray'
    ]!.auth;
    expect(extension.clientId).toBeUndefined();
    expect(extension.manualToken).toMatchObject({
      url: 'https://github.com/settings/personal-access-tokens/new',
    });
    expect(extension.clientSetup).toMatchObject({ needsSecret: false });
  });

  it('lists exactly the tools the server registers, each annotated', async () => {
    const { client } = await connectTestClient(
      createServer({ apiUrl: 'http://127.0.0.1:1', token: staticToken('t') }),
    );
    const { tools } = await client.listTools();
    const declared = (raw as { tools: Array<{ name: string }> }).tools.map((t) => t.name);
    expect(tools.map((t) => t.name).sort()).toEqual([...declared].sort());
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
      const writes = ['create_issue', 'add_issue_comment'].includes(tool.name);
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: !writes,
        destructiveHint: false,
        idempotentHint: !writes,
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { CUT, redact, REDACTED, redactText } from './redact';

// Built from pieces, so no scanner mistakes this file for a leak.
const alnum = (n: number) => 'aB3xK9mQ7tZ2'.repeat(10).slice(0, n);
const secrets = {
  github: 'ghp_' + alnum(36),
  githubOauth: 'gho_' + alnum(36),
  githubPat: 'github_pat_' + alnum(22) + '_' + alnum(59),
  openai: 'sk-proj-' + alnum(48),
  anthropic: 'sk-ant-api03-' + alnum(40) + '-' + alnum(20),
  slack: 'xoxb-' + '123456789012-1234567890123-' + alnum(24),
  googleOauth: 'ya29.' + alnum(60),
  googleKey: 'AIza' + alnum(35),
  aws: 'AKIA' + 'IOSFODNN7EXAMPL2',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.' + alnum(43),
  base64: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY9z',
  hex: '3f9a2c7e'.repeat(5),
};

describe('redactText', () => {
  it.each(Object.entries(secrets))('hides a %s credential inside text', (_kind, secret) => {
    const text = `Failed with ${secret} (retrying)`;
    expect(redactText(text)).toBe(`Failed with ${REDACTED} (retrying)`);
    expect(redactText(secret)).toBe(REDACTED);
  });

  it('keeps the scheme of Bearer and Basic credentials', () => {
    expect(redactText('Authorization: Bearer abc.def-123_ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('header Basic dXNlcjpodW50ZXIy')).toBe(`header Basic ${REDACTED}`);
  });

  it('hides user info and credential query parameters of URLs, keeping the rest', () => {
    expect(redactText('clone https://alice:hunter2@git.example.com/repo.git now')).toBe(
      `clone https://${REDACTED}@git.example.com/repo.git now`,
    );
    expect(redactText('GET https://api.example.com/v1/items?token=abc&page=2&key=xyz')).toBe(
      `GET https://api.example.com/v1/items?token=${REDACTED}&page=2&key=${REDACTED}`,
    );
    expect(redactText('https://x.example/cb?code=4%2F0Ad&state=ok#access_token=qqq')).toBe(
      `https://x.example/cb?code=${REDACTED}&state=ok#access_token=${REDACTED}`,
    );
  });

  it('hides values assigned to secret-sounding names', () => {
    expect(redactText('DB_PASSWORD=hunter2\nDB_HOST=localhost')).toBe(
      `DB_PASSWORD=${REDACTED}\nDB_HOST=localhost`,
    );
    expect(redactText('{"api_key": "short1", "user": "bob"}')).toBe(
      `{"api_key": "${REDACTED}", "user": "bob"}`,
    );
  });

  it('keeps prose, paths, URLs without credentials, UUIDs and identifiers readable', () => {
    const readable = [
      'The quick brown fox jumps over the lazy dog, twice in 2024.',
      'see https://example.com/docs/getting-started?page=2#install',
      '/home/alice/projects/mcp-tray/electron/core/calllog/tool-call-log.ts',
      'C:\\Users\\Alice\\AppData\\Roaming\\mcp-tray\\calls\\calls-000000000001.jsonl',
      '/usr/local/lib/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js',
      '550e8400-e29b-41d4-a716-446655440000',
      'session-550e8400-e29b-41d4-a716-446655440000-retry-2',
      'getUserProfileByIdentifierAndRegion2',
      'my-service-name-prod-eu-west-1-cluster',
      'Screenshot_2024-05-12_at_10-22-33_PM_v2.png',
      'alice@example.com wrote on 2024-05-12T10:22:33.000Z',
      'task-manager skills: sk-learn is not a key',
    ];
    for (const text of readable) expect(redactText(text)).toBe(text);
  });

  it('redacts the short credential shapes too (the short-text shortcut passes over the rest)', () => {
    expect(redactText('pwd=abc')).toBe(`pwd=${REDACTED}`);
    expect(redactText('Token: abc')).toBe(`Token: ${REDACTED}`);
    expect(redactText('apikey:x')).toBe(`apikey:${REDACTED}`);
    expect(redactText('?sig=abc')).toBe(`?sig=${REDACTED}`);
    expect(redactText('s://u:p@h')).toBe(`s://${REDACTED}@h`);
    expect(redactText('Basic dXNlcjpw')).toBe(`Basic ${REDACTED}`);
    for (const text of ['message', 'call 12', 'Echo: x', 'a:b', '']) expect(redactText(text)).toBe(text);
  });

  it('cuts long text after redacting, saying how much is left', () => {
    const text = `${secrets.github} ` + 'x'.repeat(5000);
    const out = redactText(text, 100);
    expect(out.startsWith(`${REDACTED} xxx`)).toBe(true);
    expect(out.endsWith(`… [${text.length - 100} more characters]`)).toBe(true);
    expect(out).not.toContain('ghp_');
  });
});

describe('redact', () => {
  it('hides values under secret-sounding keys, whatever their type, at any depth', () => {
    const input = {
      token: 12345,
      apiKey: 'x',
      api_key: 'y',
      password: { nested: true },
      passwd: 'p',
      Authorization: 'Bearer zzz',
      cookie: ['a=b'],
      credentials: null,
      privateKey: '-----BEGIN',
      key: 'k',
      ssh_key: 'k2',
      nested: { list: [{ clientSecret: 'hunter2', name: 'ok' }] },
      keyboard: 'qwerty',
      monkey: 'banana',
    };
    expect(redact(input)).toEqual({
      token: REDACTED,
      apiKey: REDACTED,
      api_key: REDACTED,
      password: REDACTED,
      passwd: REDACTED,
      Authorization: REDACTED,
      cookie: REDACTED,
      credentials: REDACTED,
      privateKey: REDACTED,
      key: REDACTED,
      ssh_key: REDACTED,
      nested: { list: [{ clientSecret: REDACTED, name: 'ok' }] },
      keyboard: 'qwerty',
      monkey: 'banana',
    });
    expect(input.token).toBe(12345);
  });

  it('redacts credentials inside string values and array items', () => {
    expect(redact({ note: `my key is ${secrets.openai}`, list: [secrets.slack, 'fine'] })).toEqual({
      note: `my key is ${REDACTED}`,
      list: [REDACTED, 'fine'],
    });
  });

  it('cuts long strings, long arrays, many keys and deep nesting with markers', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]));
    let deep: unknown = 'bottom';
    for (let i = 0; i < 12; i++) deep = { down: deep };
    const out = redact({ text: 'y'.repeat(1500), items: Array.from({ length: 120 }, (_, i) => i) }) as {
      text: string;
      items: unknown[];
    };
    expect(out.text).toBe('y'.repeat(1000) + '… [500 more characters]');
    expect(out.items).toHaveLength(51);
    expect(out.items.at(-1)).toBe('… [70 more items]');
    const keys = redact(many) as Record<string, unknown>;
    expect(Object.keys(keys)).toHaveLength(101);
    expect(keys['…']).toBe('[50 more keys]');
    let node = redact(deep);
    for (let level = 0; level < 8; level++) node = (node as { down: unknown }).down;
    expect(node).toBe(CUT);
  });

  it('bounds the JSON of the whole value to 16 KiB, however big the input', () => {
    const wide = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`f${i}`, 'z'.repeat(2000)]));
    const huge = { blob: 'q'.repeat(10 * 1024 * 1024), wide, grid: Array.from({ length: 50 }, () => wide) };
    const started = performance.now();
    const out = redact(huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Buffer.byteLength(JSON.stringify(out))).toBeLessThanOrEqual(16 * 1024);
    expect(JSON.stringify(out)).toContain('more keys]');
    const escapes = redact({ s: Array.from({ length: 40 }, () => '\u0001'.repeat(900)) });
    expect(Buffer.byteLength(JSON.stringify(escapes))).toBeLessThanOrEqual(16 * 1024);
  });

  it('keeps only JSON data, and __proto__ stays an ordinary key', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "n": 1}') as object;
    const out = redact(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'n']);
    expect(redact({ f: () => 1, u: undefined, b: 10n, d: new Date(0), a: [undefined] })).toEqual({
      b: '10',
      d: '1970-01-01T00:00:00.000Z',
      a: [null],
    });
    expect(redact(undefined)).toBeUndefined();
    expect(redact('plain')).toBe('plain');
  });
});

describe('keys that only look secret', () => {
  it('keeps counts, flags and authors readable', () => {
    expect(redact({ max_tokens: 1000, private: true, author: 'Ada', auth_token: 'abc', auth: 'x' })).toEqual({
      max_tokens: 1000,
      private: true,
      author: 'Ada',
      auth_token: '[redacted]',
      auth: '[redacted]',
    });
  });
});

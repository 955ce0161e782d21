import { describe, expect, it } from 'vitest';
import { PlanError, planPackage } from './install-plan';
import { planRemote } from './remote-plan';
import type { RegistryPackage, RegistryRemote } from './registry-schema';
import { RegistryPackage as PackageSchema, RegistryRemote as RemoteSchema } from './registry-schema';
import { fixtureEntries } from '../../../test/core/registry/test-registry-server';

const pkg = (raw: Record<string, unknown>): RegistryPackage =>
  PackageSchema.parse({ transport: { type: 'stdio' }, version: '1.2.3', ...raw });
const fixturePackage = (name: string, version?: string, index = 0): RegistryPackage => {
  const entry = fixtureEntries().find(
    (e) => e.server.name === name && (!version || e.server.version === version),
  );
  return PackageSchema.parse((entry!.server.packages as unknown[])[index]);
};
const none = { values: {}, secrets: {} };

describe('pinned commands built from registry packages', () => {
  it('npm: npx -y pkg@version, fixed and given arguments in order, secrets only in the environment', () => {
    const plan = planPackage(fixturePackage('io.github.example/weather', '1.4.0'), {
      values: { units: 'imperial', region: 'asia', WEATHER_LOG: 'debug' },
      secrets: { WEATHER_API_KEY: 'k-123' },
    });
    expect(plan.command).toBe('npx');
    expect(plan.args).toEqual(['-y', '@example/weather-mcp@1.4.0', '--units', 'imperial', 'asia']);
    expect(plan.env).toEqual({ WEATHER_LOG: 'debug' });
    expect(plan.secretEnv).toEqual({ WEATHER_API_KEY: 'k-123' });
    expect(JSON.stringify(plan.args)).not.toContain('k-123');
    expect(plan.missing).toEqual([]);
    const everything = planPackage(fixturePackage('io.github.modelcontextprotocol/everything'), none);
    expect(everything.args).toEqual(['-y', '@modelcontextprotocol/server-everything@2026.8.31', 'stdio']);
  });

  it('names what is missing, checks choices, and refuses a setting given as the wrong kind', () => {
    const weather = fixturePackage('io.github.example/weather', '1.4.0');
    expect(planPackage(weather, none).missing.map((f) => f.key)).toEqual(['WEATHER_API_KEY']);
    expect(() => planPackage(weather, { values: { units: 'kelvin' }, secrets: {} })).toThrow(
      /"--units" must be one of: metric, imperial/,
    );
    expect(() => planPackage(weather, { values: { WEATHER_API_KEY: 'x' }, secrets: {} })).toThrow(
      /is secret/,
    );
    expect(() => planPackage(weather, { values: {}, secrets: { units: 'metric' } })).toThrow(/is not secret/);
    expect(() => planPackage(weather, { values: { nope: '1' }, secrets: {} })).toThrow(/no setting "nope"/);
  });

  it('repeated arguments: one value per line, each passed and checked on its own', () => {
    const repeated = pkg({
      registryType: 'npm',
      identifier: 'fs-mcp',
      packageArguments: [
        { type: 'named', name: '--mode', isRepeated: true, choices: ['read', 'write'] },
        { type: 'positional', valueHint: 'dir', isRepeated: true, isRequired: true },
      ],
    });
    const fields = planPackage(repeated, { ...none, preview: true }).fields;
    expect(fields.map((f) => [f.key, f.repeated])).toEqual([
      ['mode', true],
      ['dir', true],
    ]);
    const plan = planPackage(repeated, { values: { mode: 'read\nwrite', dir: '/a\n\n /b \n' }, secrets: {} });
    expect(plan.args).toEqual(['-y', 'fs-mcp@1.2.3', '--mode', 'read', '--mode', 'write', '/a', '/b']);
    expect(() => planPackage(repeated, { values: { mode: 'read\nall', dir: '/a' }, secrets: {} })).toThrow(
      /"--mode" must be one of: read, write/,
    );
    expect(() => planPackage(repeated, { values: { dir: '/a\n--eval=boom' }, secrets: {} })).toThrow(
      /starts with "-"/,
    );
  });

  it('pypi: uvx pkg==version', () => {
    const plan = planPackage(fixturePackage('io.github.example/time'), {
      values: { 'local-timezone': 'Europe/Paris' },
      secrets: {},
    });
    expect([plan.command, ...plan.args]).toEqual([
      'uvx',
      'mcp-server-time==0.6.2',
      '--local-timezone',
      'Europe/Paris',
    ]);
  });

  it('oci: docker run --rm -i with -e NAME for every variable (values never on the command line), tag or digest', () => {
    const plan = planPackage(fixturePackage('io.github.example/fetch'), {
      values: { level: 'debug' },
      secrets: { FETCH_TOKEN: 't-1' },
    });
    expect([plan.command, ...plan.args]).toEqual([
      'docker',
      'run',
      '--rm',
      '-i',
      '-e',
      'FETCH_TOKEN',
      '-e',
      'LOG_LEVEL',
      'docker.io/example/fetch-mcp:1.0.0',
    ]);
    expect(plan.env).toEqual({ LOG_LEVEL: 'debug' });
    expect(plan.secretEnv).toEqual({ FETCH_TOKEN: 't-1' });
    const pinned = planPackage(fixturePackage('io.github.example/fetch-pinned'), none);
    expect(pinned.args.at(-1)).toBe(`docker.io/example/fetch-mcp:1.0.0@sha256:${'ab'.repeat(32)}`);
    expect(() =>
      planPackage(pkg({ registryType: 'oci', identifier: 'example/img', version: undefined }), none),
    ).toThrow(/cannot be pinned/);
  });

  it('nuget: dnx pkg@version --yes -- arguments', () => {
    const plan = planPackage(
      pkg({
        registryType: 'nuget',
        identifier: 'Example.Mcp',
        packageArguments: [{ type: 'positional', value: 'serve' }],
      }),
      none,
    );
    expect([plan.command, ...plan.args]).toEqual(['dnx', 'Example.Mcp@1.2.3', '--yes', '--', 'serve']);
  });

  it('refuses version ranges, option-shaped package names, secrets on the command line, and option-shaped values', () => {
    const refused = (p: RegistryPackage, given = none) => {
      try {
        planPackage(p, given);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused(fixturePackage('io.github.example/ranged'))).toMatch(/not an exact version/);
    expect(refused(pkg({ registryType: 'npm', identifier: 'x', version: '1.x' }))).toMatch(/version range/);
    expect(refused(pkg({ registryType: 'npm', identifier: 'x', version: 'latest' }))).toMatch(
      /not a pinned version/,
    );
    expect(refused(fixturePackage('io.github.example/dashes'))).toMatch(/not a valid npm package name/);
    expect(refused(pkg({ registryType: 'pypi', identifier: 'evil; rm -rf ~' }))).toMatch(
      /not a valid pypi package name/,
    );
    expect(refused(pkg({ registryType: 'oci', identifier: '../../etc' }))).toMatch(
      /not a valid oci package name/,
    );
    expect(
      refused(fixturePackage('io.github.example/secret-arg'), { values: {}, secrets: { token: 's' } }),
    ).toMatch(/secret on the command line/);
    const positional = pkg({
      registryType: 'npm',
      identifier: 'x',
      packageArguments: [{ type: 'positional', valueHint: 'dir' }],
    });
    expect(refused(positional, { values: { dir: '--eval=boom' }, secrets: {} })).toMatch(/starts with "-"/);
    expect(refused(positional, { values: { dir: 'a\nb' }, secrets: {} })).toMatch(/control characters/);
    expect(
      refused(
        pkg({ registryType: 'npm', identifier: 'x', packageArguments: [{ type: 'named', name: '--a b' }] }),
      ),
    ).toMatch(/not an option name/);
    expect(
      refused(
        pkg({ registryType: 'npm', identifier: 'x', environmentVariables: [{ name: 'A=B', value: '1' }] }),
      ),
    ).toMatch(/not a variable name/);
    expect(refused(pkg({ registryType: 'cargo', identifier: 'x' }))).toMatch(
      /cargo packages are not supported/,
    );
    expect(
      refused(pkg({ registryType: 'npm', identifier: 'x', registryBaseUrl: 'https://npm.evil.example' })),
    ).toMatch(/installs only from https:\/\/registry\.npmjs\.org/);
    expect(
      refused(pkg({ registryType: 'npm', identifier: 'x', registryBaseUrl: 'https://registry.npmjs.org/' })),
    ).toBe('accepted');
    expect(
      refused(
        pkg({
          registryType: 'npm',
          identifier: 'x',
          transport: { type: 'sse', url: 'http://localhost:1/sse' },
        }),
      ),
    ).toMatch(/MCP Tray runs stdio servers/);
  });
});

describe('remotes from the registry', () => {
  const remote = (raw: Record<string, unknown>): RegistryRemote => RemoteSchema.parse(raw);

  it('fills URL variables (encoded), refuses a secret in the address, splits headers into plain and secret', () => {
    const tasks = remote({
      type: 'streamable-http',
      url: 'https://mcp.example.com/{tenant}/mcp',
      variables: { tenant: { isRequired: true } },
    });
    expect(planRemote(tasks, { values: { tenant: 'acme corp' }, secrets: {} }).url).toBe(
      'https://mcp.example.com/acme%20corp/mcp',
    );
    expect(planRemote(tasks, none).missing.map((f) => f.key)).toEqual(['tenant']);
    const secretUrl = remote({
      type: 'sse',
      url: 'https://x.example/{key}',
      variables: { key: { isSecret: true } },
    });
    expect(() => planRemote(secretUrl, { values: {}, secrets: { key: 's' } })).toThrow(
      /address would hold a secret/,
    );
    const keyed = remote({
      type: 'sse',
      url: 'https://k.example/sse',
      headers: [
        { name: 'X-API-Key', isSecret: true, isRequired: true },
        { name: 'Authorization', value: 'Bearer {token}', variables: { token: { isSecret: true } } },
        { name: 'X-Client', value: 'mcp-tray' },
      ],
    });
    expect(planRemote(keyed, none).missing.map((f) => f.key)).toEqual(['X-API-Key']);
    const headers = planRemote(keyed, { values: {}, secrets: { 'X-API-Key': 'k-1', token: 't-2' } });
    expect(headers.headers).toEqual({ 'X-Client': 'mcp-tray' });
    expect(headers.secretHeaders).toEqual({ 'X-API-Key': 'k-1', Authorization: 'Bearer t-2' });
    const bad = remote({
      type: 'sse',
      url: 'https://k.example/sse',
      headers: [{ name: 'X Bad', value: '1' }],
    });
    expect(() => planRemote(bad, none)).toThrow(/not a header name/);
  });
});

import * as z from 'zod';
import { INSTANCE_ID_PATTERN } from './instance-id';
import { lazily } from './lazy-schema';

/**
 * `mcp-tray://install?…` links: a web page or a README can offer "Add to MCP Tray". A link only
 * ever opens the Add flow prefilled; nothing is installed, started or stored until the user
 * confirms there. So the parser is strict: anything it does not understand is refused with a
 * reason rather than guessed at, and a link can never carry a secret value.
 *
 * Forms (parameters may come in any order; values are URL-encoded):
 * - `mcp-tray://install?integration=github` — a catalog integration
 * - `mcp-tray://install?url=https://example.com/mcp&name=Example` — a remote MCP server
 * - `mcp-tray://install?command=npx&arg=-y&arg=notes-mcp&env=MODE=fast&secret=NOTES_TOKEN&id=notes&name=Notes`
 *   — a custom command; `arg`, `env` and `secret` repeat; `secret` names a variable the user
 *   is asked for.
 */

/** The scheme of install links. */
export const DEEP_LINK_SCHEME = 'mcp-tray';

/** Longest link we read; real links are far shorter, and argv on Windows stops near 32 KiB. */
const MAX_LINK_LENGTH = 16_384;

// The same rules as `AddCustomInstance` in contract.ts (the Add flow submits these values).
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Variable names whose values are credentials: a link must name them as `secret`, not carry them. */
const SECRET_LOOKING = /token|secret|passw|api_?key|private_?key|credential|cookie/i;
// Control characters would hide parts of a value from the person reviewing it.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const ID_RULE = 'use 1–63 lowercase letters, digits and dashes, starting with a letter or digit';
const Id = lazily(() => z.string().regex(INSTANCE_ID_PATTERN, ID_RULE));
const EnvName = lazily(() => z.string().regex(ENV_NAME, 'not a valid variable name'));
const Name = lazily(() => z.string().min(1, 'it is empty').max(200, 'it is longer than 200 characters'));

/** What an install link asks the Add flow to show. */
export const InstallRequest = lazily(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('catalog'), integrationId: Id }).strict(),
    z
      .object({
        kind: z.literal('remote'),
        /** https, or http to this computer only (checked by the parser). */
        url: z.string().min(1).max(2048),
        name: Name.optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('custom'),
        id: Id.optional(),
        name: Name.optional(),
        command: z.string().min(1, 'it is empty').max(4096, 'it is too long'),
        args: z.array(z.string().max(32_768, 'one is too long')).max(256, 'there are more than 256'),
        /** Plain (non-secret) variables, name → value. */
        env: z.record(EnvName, z.string().max(32_768, 'a value is too long')),
        /** Variables whose values the user types into the Add flow (they go to the keychain). */
        secretEnvNames: z.array(EnvName).max(64, 'there are more than 64'),
      })
      .strict(),
  ]),
);
export type InstallRequest = z.infer<typeof InstallRequest>;

/** A link read successfully, or why it was refused (in words for the user). */
export type ParsedInstallLink = { ok: true; request: InstallRequest } | { ok: false; reason: string };

const KNOWN = new Set(['integration', 'url', 'name', 'command', 'arg', 'env', 'secret', 'id']);
const REPEATABLE = new Set(['arg', 'env', 'secret']);
const ALLOWED_BY_KIND: Record<InstallRequest['kind'], Set<string>> = {
  catalog: new Set(['integration']),
  remote: new Set(['url', 'name']),
  custom: new Set(['command', 'arg', 'env', 'secret', 'id', 'name']),
};

class LinkError extends Error {}

function fail(reason: string): never {
  throw new LinkError(reason);
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/** A remote server's address: https, or plain http only to this computer. */
function remoteUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`"${value}" is not a valid address.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return fail(
      url.protocol === 'http:'
        ? 'The server address must use https (plain http is only allowed to this computer).'
        : `The server address must be an https address, not ${url.protocol}.`,
    );
  }
  if (url.username || url.password) fail('The server address may not contain a user name or password.');
  if (url.href.length > 2048) fail('The server address is too long.');
  return url.href;
}

/** Groups the query into name → values, refusing unknown, repeated and odd parameters. */
function readParams(search: URLSearchParams): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [key, value] of search) {
    if (!KNOWN.has(key)) fail(`The link has a parameter MCP Tray does not know: "${key}".`);
    if (CONTROL.test(value)) fail(`The "${key}" value contains control characters.`);
    const values = params.get(key) ?? [];
    if (values.length > 0 && !REPEATABLE.has(key)) fail(`The link gives "${key}" more than once.`);
    params.set(key, [...values, value]);
  }
  return params;
}

function kindOf(params: Map<string, string[]>): InstallRequest['kind'] {
  const kinds = (['integration', 'url', 'command'] as const).filter((key) => params.has(key));
  if (kinds.length === 0) fail('The link does not say what to add (integration, url or command).');
  if (kinds.length > 1) fail(`The link mixes ${kinds.join(' and ')}; it must ask for one thing.`);
  const kind = ({ integration: 'catalog', url: 'remote', command: 'custom' } as const)[kinds[0]!];
  for (const key of params.keys()) {
    if (!ALLOWED_BY_KIND[kind].has(key)) fail(`"${key}" cannot be used with ${kinds[0]}.`);
  }
  return kind;
}

function customEnv(entries: readonly string[], secretNames: readonly string[]) {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = eq === -1 ? entry : entry.slice(0, eq);
    if (eq === -1 || !ENV_NAME.test(name)) fail(`"${entry}" is not NAME=value with a valid variable name.`);
    if (Object.hasOwn(env, name)) fail(`The variable ${name} is given twice.`);
    if (SECRET_LOOKING.test(name)) {
      fail(
        `${name} looks like a secret, and links may not carry secrets. Use secret=${name} so MCP Tray asks for it.`,
      );
    }
    env[name] = entry.slice(eq + 1);
  }
  const secrets = [...new Set(secretNames)];
  for (const name of secrets) {
    if (!ENV_NAME.test(name)) fail(`"${name}" is not a valid variable name.`);
    if (Object.hasOwn(env, name)) fail(`${name} is given both as a secret and as a plain value.`);
  }
  return { env, secretEnvNames: secrets };
}

function requestFrom(params: Map<string, string[]>): unknown {
  const one = (key: string) => params.get(key)?.[0];
  const name = one('name');
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  switch (kindOf(params)) {
    case 'catalog':
      return { kind: 'catalog', integrationId: one('integration') };
    case 'remote':
      return { kind: 'remote', url: remoteUrl(one('url')!), ...optional('name', name) };
    case 'custom':
      return {
        kind: 'custom',
        ...optional('id', one('id')),
        ...optional('name', name),
        command: one('command'),
        args: params.get('arg') ?? [],
        ...customEnv(params.get('env') ?? [], params.get('secret') ?? []),
      };
  }
}

const FIELD_WORDS: Record<string, string> = {
  integrationId: 'The integration id',
  id: 'The service id',
  name: 'The name',
  command: 'The command',
  args: 'The arguments',
  url: 'The server address',
  secretEnvNames: 'The secret names',
  env: 'The variables',
};

/** Reads an `mcp-tray://install?…` link. Never throws; a refusal says why. */
export function parseInstallLink(link: string): ParsedInstallLink {
  try {
    if (link.length > MAX_LINK_LENGTH) fail('The link is too long.');
    let url: URL;
    try {
      url = new URL(link.trim());
    } catch {
      return fail('This is not a link MCP Tray can read.');
    }
    if (url.protocol !== `${DEEP_LINK_SCHEME}:`) fail(`This is not an ${DEEP_LINK_SCHEME}:// link.`);
    // `mcp-tray://install?…` (host "install"), also tolerating `mcp-tray:install?…` and a trailing slash.
    const action = (url.host || url.pathname).replace(/^\/+|\/+$/g, '');
    const extraPath = url.host && url.pathname.replace(/\/+$/, '') !== '';
    if (action !== 'install' || extraPath) fail('MCP Tray links can only ask to install something.');
    if (url.username || url.password || url.port) fail('This is not a link MCP Tray can read.');
    const parsed = InstallRequest.safeParse(requestFrom(readParams(url.searchParams)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = FIELD_WORDS[String(issue.path[0])] ?? 'A value';
      return { ok: false, reason: `${field} in the link is not valid (${issue.message}).` };
    }
    return { ok: true, request: parsed.data };
  } catch (error) {
    if (error instanceof LinkError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Builds the link for a request: what a web page would put behind "Add to MCP Tray". */
export function installLink(request: InstallRequest): string {
  const params = new URLSearchParams();
  switch (request.kind) {
    case 'catalog':
      params.append('integration', request.integrationId);
      break;
    case 'remote':
      params.append('url', request.url);
      if (request.name !== undefined) params.append('name', request.name);
      break;
    case 'custom':
      params.append('command', request.command);
      for (const arg of request.args) params.append('arg', arg);
      for (const [name, value] of Object.entries(request.env)) params.append('env', `${name}=${value}`);
      for (const name of request.secretEnvNames) params.append('secret', name);
      if (request.id !== undefined) params.append('id', request.id);
      if (request.name !== undefined) params.append('name', request.name);
      break;
  }
  return `${DEEP_LINK_SCHEME}://install?${params.toString()}`;
}

/**
 * The install link among a process's arguments (Windows and Linux start the app, or pass to the
 * running one, with the link as an argument), or null. Only the first one counts.
 */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null;
}

import { UserFacingError } from '../rpc/errors';

/**
 * Limits on what a bundle's manifest may say, checked before anything else reads it: a 2 MB
 * name or 20,000 tools would otherwise pass inspection and break later, far from the cause.
 * Generous for real bundles (the longest seen in the wild are far below these).
 */
const MANIFEST_LIMITS = {
  shortText: 200,
  version: 64,
  description: 10_000,
  longDescription: 50_000,
  tools: 500,
  prompts: 500,
  userConfig: 100,
  args: 256,
  env: 100,
  value: 32_768,
} as const;

const SHORT_FIELDS = ['name', 'display_name', 'author.name', 'author.email', 'license'] as const;

const bad = (why: string) => new UserFacingError('bad-bundle', `This bundle cannot be added: ${why}`);

function at(json: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], json);
}

function checkText(value: unknown, field: string, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    throw bad(
      `its manifest's ${field} is ${value.length.toLocaleString('en')} characters long (at most ${max.toLocaleString('en')}).`,
    );
  }
}

function checkCount(value: unknown, field: string, max: number): void {
  const count = Array.isArray(value)
    ? value.length
    : value && typeof value === 'object'
      ? Object.keys(value).length
      : 0;
  if (count > max) throw bad(`its manifest lists ${count.toLocaleString('en')} ${field} (at most ${max}).`);
}

/** Throws a user-facing error, in words, for the first manifest field over its limit. */
export function checkManifestLimits(json: unknown): void {
  const L = MANIFEST_LIMITS;
  for (const field of SHORT_FIELDS) checkText(at(json, field), field, L.shortText);
  checkText(at(json, 'version'), 'version', L.version);
  checkText(at(json, 'description'), 'description', L.description);
  checkText(at(json, 'long_description'), 'long description', L.longDescription);
  for (const field of ['homepage', 'icon', 'author.url', 'server.entry_point', 'server.mcp_config.command']) {
    checkText(at(json, field), field, L.value);
  }
  checkCount(at(json, 'tools'), 'tools', L.tools);
  checkCount(at(json, 'prompts'), 'prompts', L.prompts);
  checkCount(at(json, 'user_config'), 'settings', L.userConfig);
  checkCount(at(json, 'server.mcp_config.args'), 'arguments', L.args);
  checkCount(at(json, 'server.mcp_config.env'), 'environment variables', L.env);
  for (const [kind, list] of [
    ['tool', at(json, 'tools')],
    ['prompt', at(json, 'prompts')],
  ] as const) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      checkText(at(item, 'name'), `${kind} name`, L.shortText);
      checkText(at(item, 'description'), `${kind} description`, L.description);
    }
  }
  const config = at(json, 'user_config');
  if (config && typeof config === 'object') {
    for (const [key, field] of Object.entries(config)) {
      checkText(key, 'setting name', L.shortText);
      checkText(at(field, 'title'), 'setting title', L.shortText);
      checkText(at(field, 'description'), 'setting description', L.description);
    }
  }
  const args = at(json, 'server.mcp_config.args');
  if (Array.isArray(args)) for (const arg of args as unknown[]) checkText(arg, 'argument', L.value);
  const env = at(json, 'server.mcp_config.env');
  if (env && typeof env === 'object') {
    for (const [name, value] of Object.entries(env)) {
      checkText(name, 'variable name', L.shortText);
      checkText(value, `value of ${name.slice(0, 50)}`, L.value);
    }
  }
}

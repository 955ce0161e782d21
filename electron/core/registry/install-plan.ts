import type { RegistryField, RegistryPackageType } from '../../shared/registry-contract';
import { UserFacingError } from '../rpc/errors';
import { FieldSet, fillTemplate } from './registry-fields';
import type { RegistryArgument, RegistryInput, RegistryPackage } from './registry-schema';
import { unsafeEnvName, unsafeFlag, unsafeIdentifier, unsafeValue, unsafeVersion } from './safe-values';

/**
 * The program each package type runs with. The entry's `runtimeHint` is not used to pick a
 * program: a registry must not choose what binary we execute, only which package it fetches.
 */
export const RUNTIME_OF: Record<string, string | null> = {
  npm: 'npx',
  pypi: 'uvx',
  oci: 'docker',
  nuget: 'dnx',
  mcpb: null,
};

/** The public registry each package runner fetches from (what the MCP Registry itself allows). */
const DEFAULT_BASE_URL: Record<string, string> = {
  npm: 'https://registry.npmjs.org',
  pypi: 'https://pypi.org',
  nuget: 'https://api.nuget.org/v3/index.json',
};

/** The values a user gave, by field key. Secret ones are never stored outside the keychain. */
export interface PlanValues {
  values: Record<string, string>;
  secrets: Record<string, string>;
  /** Secret env vars already in the instance's keychain (an update keeps them). */
  keptSecretEnv?: ReadonlySet<string>;
  /** For showing the command before anything is given: missing values become `<label>`. */
  preview?: boolean;
}

/** A package's command at its pinned version. `secretEnv` values go to the keychain only. */
export interface PackagePlan {
  type: RegistryPackageType;
  /** Null for a bundle: its own manifest says what runs. */
  command: string | null;
  args: string[];
  env: Record<string, string>;
  secretEnv: Record<string, string>;
  secretEnvNames: string[];
  missing: RegistryField[];
  fields: RegistryField[];
}

/** Why an option cannot be installed, in words; shown instead of the install button. */
export class PlanError extends UserFacingError {
  constructor(message: string) {
    super('cannot-install', message);
    this.name = 'PlanError';
  }
}

type Resolved = { value: string; secret: boolean; given: boolean } | 'kept' | undefined;

/** Fields of a package, in the order its command uses them. */
export function packageFields(pkg: RegistryPackage): FieldSet {
  const fields = new FieldSet();
  [...(pkg.runtimeArguments ?? []), ...(pkg.packageArguments ?? [])].forEach((a, i) => fields.argument(a, i));
  for (const env of pkg.environmentVariables ?? []) fields.keyValue(env, 'env');
  return fields;
}

/** Checks a package and builds its command from the given values. Throws `PlanError`. */
export function planPackage(pkg: RegistryPackage, given: PlanValues): PackagePlan {
  const type = pkg.registryType as RegistryPackageType;
  if (!(pkg.registryType in RUNTIME_OF))
    throw new PlanError(`${pkg.registryType} packages are not supported.`);
  if (pkg.transport.type !== 'stdio') {
    throw new PlanError(
      `This package serves ${pkg.transport.type} on a local port; MCP Tray runs stdio servers.`,
    );
  }
  const bad = unsafeIdentifier(type, pkg.identifier);
  if (bad) throw new PlanError(`Refused: ${bad}.`);
  const home = DEFAULT_BASE_URL[type];
  if (home && pkg.registryBaseUrl && pkg.registryBaseUrl.replace(/\/+$/, '') !== home) {
    // npx/uvx/dnx would fetch the same name from the public registry instead: another package.
    throw new PlanError(
      `The package is on ${pkg.registryBaseUrl}, not ${home}; MCP Tray installs only from ${home}.`,
    );
  }
  const fields = packageFields(pkg);
  const build = new CommandBuilder(fields, given);
  const env = build.environment(pkg.environmentVariables ?? []);
  const runtimeArgs = build.argv(pkg.runtimeArguments ?? [], type === 'oci' ? env : null);
  const packageArgs = build.argv(pkg.packageArguments ?? [], null);
  const spec = packageSpec(pkg);
  const runtime = RUNTIME_OF[type] ?? null;
  let args: string[];
  if (type === 'npm') {
    const yes = runtimeArgs.some((a) => a === '-y' || a === '--yes') ? [] : ['-y'];
    args = [...runtimeArgs, ...yes, spec, ...packageArgs];
  } else if (type === 'pypi') {
    args = [...runtimeArgs, spec, ...packageArgs];
  } else if (type === 'oci') {
    // A container sees only the variables named with `-e`; `-e NAME` (no value) passes ours
    // through from docker's environment, so no value, secret or not, is on the command line.
    const names = [...Object.keys(env.plain), ...env.secretNames];
    const passed = new Set(runtimeArgs.filter((a, i) => runtimeArgs[i - 1] === '-e'));
    const flags = names.filter((n) => !passed.has(n)).flatMap((n) => ['-e', n]);
    args = ['run', '--rm', '-i', ...flags, ...runtimeArgs, spec, ...packageArgs];
  } else if (type === 'nuget') {
    args = [spec, '--yes', ...(packageArgs.length > 0 ? ['--', ...packageArgs] : [])];
  } else {
    args = [];
  }
  return {
    type,
    command: runtime,
    args,
    env: env.plain,
    secretEnv: env.secret,
    secretEnvNames: env.secretNames,
    missing: build.missing,
    fields: fields.list(),
  };
}

/** `pkg@1.2.3`, `pkg==1.2.3`, `image:tag[@digest]`: always an exact version. */
function packageSpec(pkg: RegistryPackage): string {
  const type = pkg.registryType;
  if (type === 'mcpb') return pkg.identifier;
  if (type === 'oci') {
    const last = pkg.identifier.split('/').pop() ?? '';
    const pinned = last.includes(':') || pkg.identifier.includes('@sha256:');
    if (pinned) return pkg.identifier;
    if (!pkg.version) throw new PlanError('The image has no tag or digest: it cannot be pinned.');
    const bad = unsafeVersion(pkg.version);
    if (bad) throw new PlanError(`Refused: ${bad}.`);
    return `${pkg.identifier}:${pkg.version}`;
  }
  if (!pkg.version) throw new PlanError('The package has no version: it cannot be pinned.');
  const bad = unsafeVersion(pkg.version);
  if (bad) throw new PlanError(`Refused: ${bad}.`);
  return type === 'pypi' ? `${pkg.identifier}==${pkg.version}` : `${pkg.identifier}@${pkg.version}`;
}

interface EnvOut {
  plain: Record<string, string>;
  secret: Record<string, string>;
  secretNames: string[];
}

/** Resolves inputs to values (given, kept, default) and collects what is missing. */
export class CommandBuilder {
  readonly missing: RegistryField[] = [];

  constructor(
    private readonly fields: FieldSet,
    private readonly given: PlanValues,
  ) {
    for (const key of [...Object.keys(given.values), ...Object.keys(given.secrets)]) {
      const source = fields.sources.get(key);
      if (!source) {
        const known = fields.list().map((f) => f.key);
        throw new PlanError(`There is no setting "${key}" (settings: ${known.join(', ') || 'none'}).`);
      }
      if (source.field.secret && key in given.values) {
        throw new PlanError(`"${source.field.label}" is secret: give it as a secret, not as a setting.`);
      }
      if (!source.field.secret && key in given.secrets) {
        throw new PlanError(`"${source.field.label}" is not secret: give it as a setting.`);
      }
    }
  }

  /** The value of one field, checked against its choices and format. */
  resolve(input: object, envName?: string): Resolved {
    const key = this.fields.keyOf(input);
    const source = key ? this.fields.sources.get(key) : undefined;
    if (!key || !source) return undefined;
    const { field } = source;
    const given = field.secret ? this.given.secrets[key] : this.given.values[key];
    if (given === undefined && field.secret && envName && this.given.keptSecretEnv?.has(envName))
      return 'kept';
    const value = given ?? field.default ?? undefined;
    if (value === undefined || value === '') {
      if (field.required) this.missing.push(field);
      return this.given.preview
        ? { value: `<${field.label}>`, secret: field.secret, given: false }
        : undefined;
    }
    for (const one of field.repeated ? repeatedValues(value) : [value]) {
      if (field.choices.length > 0 && !field.choices.includes(one)) {
        throw new PlanError(`"${field.label}" must be one of: ${field.choices.join(', ')}.`);
      }
      if (field.format === 'number' && !Number.isFinite(Number(one))) {
        throw new PlanError(`"${field.label}" must be a number.`);
      }
      if (field.format === 'boolean' && one !== 'true' && one !== 'false') {
        throw new PlanError(`"${field.label}" must be true or false.`);
      }
    }
    return { value, secret: field.secret, given: given !== undefined };
  }

  /** A fixed value with its `{variables}` filled in. */
  template(input: RegistryInput & { variables?: Record<string, RegistryInput> | undefined }) {
    const filled = fillTemplate(input.value ?? '', (name) => {
      const variable = input.variables?.[name];
      const r = variable ? this.resolve(variable) : undefined;
      return r && r !== 'kept' ? { value: r.value, secret: r.secret } : undefined;
    });
    return { text: filled.text, secret: filled.secret || input.isSecret === true };
  }

  environment(vars: readonly (RegistryInput & { name: string })[]): EnvOut {
    const out: EnvOut = { plain: {}, secret: {}, secretNames: [] };
    for (const input of vars) {
      const bad = unsafeEnvName(input.name);
      if (bad) throw new PlanError(`Refused: ${bad}.`);
      this.put(
        out,
        input.name,
        input.value !== undefined ? this.template(input) : this.resolve(input, input.name),
      );
    }
    return out;
  }

  /** Arguments in order. For docker, `-e NAME=value` arguments become variables of `env`. */
  argv(list: readonly RegistryArgument[], env: EnvOut | null): string[] {
    const argv: string[] = [];
    for (const [index, arg] of list.entries()) {
      if (arg.type === 'named') {
        const bad = unsafeFlag(arg.name);
        if (bad) throw new PlanError(`Refused: ${bad}.`);
      }
      const r = arg.value !== undefined ? { ...this.template(arg), given: false } : this.resolve(arg);
      if (r === undefined || r === 'kept') continue;
      const given = 'text' in r ? r.text : r.value;
      // A repeated argument's values come one per line; each is checked and passed on its own.
      const values = arg.isRepeated && arg.value === undefined ? repeatedValues(given) : [given];
      for (const value of values) this.pushArgument(argv, arg, index, r, value, env);
    }
    return argv;
  }

  private pushArgument(
    argv: string[],
    arg: RegistryArgument,
    index: number,
    r: { secret: boolean; given?: boolean },
    value: string,
    env: EnvOut | null,
  ): void {
    const setting = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(value);
    if (env && arg.type === 'named' && (arg.name === '-e' || arg.name === '--env') && setting) {
      this.put(env, setting[1]!, { value: setting[2]!, secret: r.secret, given: true });
      argv.push('-e', setting[1]!);
      return;
    }
    if (r.secret) {
      const label = arg.type === 'named' ? arg.name : (arg.valueHint ?? `argument ${index + 1}`);
      throw new PlanError(
        `${label} would put a secret on the command line, where other programs can read it; MCP Tray refuses that.`,
      );
    }
    const bad = unsafeValue(value, arg.type === 'positional' && r.given === true);
    if (bad)
      throw new PlanError(`Refused the value of ${arg.type === 'named' ? arg.name : 'an argument'}: ${bad}.`);
    if (arg.type === 'positional') argv.push(value);
    else if (arg.format === 'boolean' && arg.value === undefined) {
      if (value === 'true') argv.push(arg.name);
    } else argv.push(arg.name, value);
  }

  private put(out: EnvOut, name: string, r: Resolved | { text: string; secret: boolean }): void {
    if (r === undefined) return;
    if (r === 'kept') {
      out.secretNames.push(name);
      return;
    }
    const value = 'text' in r ? r.text : r.value;
    const bad = unsafeValue(value, false);
    if (bad) throw new PlanError(`Refused the value of ${name}: ${bad}.`);
    if (r.secret) {
      out.secret[name] = value;
      out.secretNames.push(name);
    } else out.plain[name] = value;
  }
}

/** The values of a repeated argument: one per line, blank lines left out. */
const repeatedValues = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

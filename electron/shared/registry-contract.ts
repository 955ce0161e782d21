import * as z from 'zod';
import { InstanceId } from './instance-id';
import { lazily } from './lazy-schema';

/** MCP Registry shapes of the contract: search, detail, install, updates (kept apart for size). */

/** A server name as the registry spells it: `namespace/name` (the schema's pattern). */
const RegistryName = lazily(() =>
  z
    .string()
    .min(3)
    .max(200)
    .regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/, 'A registry name looks like io.github.owner/server'),
);

/** How a registry package or remote is installed. */
export const RegistryPackageType = lazily(() => z.enum(['npm', 'pypi', 'oci', 'nuget', 'mcpb', 'remote']));
export type RegistryPackageType = z.infer<typeof RegistryPackageType>;

/** One value an entry asks for: an env var, an argument, a URL variable or an HTTP header. */
export const RegistryField = lazily(() =>
  z.object({
    /** What `values`/`secrets` (and `--config K=V`) use to give it. */
    key: z.string(),
    kind: z.enum(['env', 'positional', 'named', 'variable', 'header']),
    label: z.string(),
    description: z.string(),
    required: z.boolean(),
    /** Goes to the keychain only; never in settings, a client config or a log. */
    secret: z.boolean(),
    default: z.string().nullable(),
    choices: z.array(z.string()),
    format: z.enum(['string', 'number', 'boolean', 'filepath']),
    placeholder: z.string().nullable(),
    /** An argument given any number of times (`isRepeated`): values are one per line in `values`. */
    repeated: z.boolean().default(false),
  }),
);
export type RegistryField = z.infer<typeof RegistryField>;

/** What will run: shown for confirmation before the first start (no values of secrets). */
export const LaunchPreview = lazily(() =>
  z.object({
    command: z.string(),
    args: z.array(z.string()),
    envNames: z.array(z.string()),
  }),
);
export type LaunchPreview = z.infer<typeof LaunchPreview>;

/** One way to install an entry (a package, or a remote), with what it needs. */
export const RegistryOption = lazily(() =>
  z.object({
    type: RegistryPackageType,
    /** Which of the entry's `packages` (or, for `remote`, `remotes`) this is. */
    index: z.number().int().nonnegative(),
    /** Package name, image, bundle URL, or the remote's URL. */
    identifier: z.string(),
    version: z.string().nullable(),
    /** Program it runs with (npx, uvx, docker, dnx), null for remotes and bundles. */
    runtime: z.string().nullable(),
    runtimeFound: z.boolean(),
    /** How to get the runtime when it is missing ("Install uv: …"). */
    runtimeHint: z.string().nullable(),
    transport: z.string(),
    fields: z.array(RegistryField),
    /** Why it cannot be installed (secret on the command line, unsupported transport…), if so. */
    problem: z.string().nullable(),
    /** The command with defaults filled in; null when it cannot be built without values. */
    preview: LaunchPreview.nullable(),
  }),
);
export type RegistryOption = z.infer<typeof RegistryOption>;

/** An entry in search results (the registry's latest version of the server). */
export const RegistryEntry = lazily(() =>
  z.object({
    name: z.string(),
    title: z.string().nullable(),
    /** Cut for display when the registry holds a huge one. */
    description: z.string(),
    version: z.string(),
    status: z.enum(['active', 'deprecated', 'deleted']),
    /** Why it was deprecated, in the publisher's words. */
    statusMessage: z.string().nullable(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** `io.github.owner` of `io.github.owner/server`: the namespace the registry verified. */
    namespace: z.string(),
    repository: z.string().nullable(),
    website: z.string().nullable(),
    kind: z.enum(['local', 'remote']),
    packageTypes: z.array(z.string()),
    remoteTypes: z.array(z.string()),
    /** Some value is secret (an API key, a token header). */
    needsSecret: z.boolean(),
    /** Runtimes its packages run with (npx, uvx, docker, dnx). */
    runtimes: z.array(z.string()),
    /** Something of it can run here: a package whose runtime is installed, a bundle, or a remote. */
    runnable: z.boolean(),
    registry: z.string(),
    registryName: z.string(),
  }),
);
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const SearchRegistry = lazily(() =>
  z
    .object({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(50),
      /** From `nextCursor` of the previous page. */
      cursor: z.string().max(100).optional(),
      /** Deprecated entries are left out unless asked for (they are never installable). */
      includeDeprecated: z.boolean().default(false),
      /** Fetch the registries now even when the cache is fresh. */
      refresh: z.boolean().default(false),
    })
    .strict(),
);
export type SearchRegistry = z.input<typeof SearchRegistry>;

export const RegistrySearchResult = lazily(() =>
  z.object({
    entries: z.array(RegistryEntry),
    total: z.number().int().nonnegative(),
    nextCursor: z.string().nullable(),
    /** Served from the disk cache because a registry could not be reached. */
    offline: z.boolean(),
    /** When the oldest registry list used was fetched (ISO), null before the first fetch. */
    fetchedAt: z.string().nullable(),
    /** What went wrong, in words ("The registry is busy; try again in 30 seconds"), if anything. */
    notice: z.string().nullable(),
  }),
);
export type RegistrySearchResult = z.infer<typeof RegistrySearchResult>;

export const GetRegistryEntry = lazily(() =>
  z
    .object({
      name: RegistryName,
      version: z.string().min(1).max(255).optional(),
      registry: z.string().max(2048).optional(),
    })
    .strict(),
);
export type GetRegistryEntry = z.input<typeof GetRegistryEntry>;

export const RegistryEntryDetail = lazily(() =>
  RegistryEntry.extend({
    options: z.array(RegistryOption),
    /** The option installed unless another is chosen: installable, runtime present, first. */
    recommended: RegistryPackageType.nullable(),
  }),
);
export type RegistryEntryDetail = z.infer<typeof RegistryEntryDetail>;

export const InstallFromRegistry = lazily(() =>
  z
    .object({
      name: RegistryName,
      /** Default: the latest version. */
      version: z.string().min(1).max(255).optional(),
      registry: z.string().max(2048).optional(),
      id: InstanceId.optional(),
      displayName: z.string().min(1).max(200).optional(),
      packageType: RegistryPackageType.optional(),
      /** Non-secret values by field key. */
      values: z.record(z.string().max(200), z.string().max(32_768)).default({}),
      /** Secret values by field key: keychain only. */
      secrets: z.record(z.string().max(200), z.string().min(1).max(32_768)).default({}),
    })
    .strict(),
);
export type InstallFromRegistry = z.input<typeof InstallFromRegistry>;

export const OutdatedInstance = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    current: z.string(),
    latest: z.string(),
  }),
);
export type OutdatedInstance = z.infer<typeof OutdatedInstance>;

export const UpdateTarget = lazily(() =>
  z
    .object({
      id: InstanceId,
      to: z.string().min(1).max(255).optional(),
      trial: z.boolean().default(false),
    })
    .strict(),
);
export type UpdateTarget = z.input<typeof UpdateTarget>;

/** What an update would change, for the user to review before confirming. */
export const UpdatePlan = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    before: LaunchPreview,
    after: LaunchPreview,
    envAdded: z.array(z.string()),
    envRemoved: z.array(z.string()),
    /** Required values the new version asks for that the instance does not have yet. */
    missing: z.array(RegistryField),
    /** From a trial start of the new version (null when not tried or it could not start). */
    tools: z
      .object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) })
      .nullable(),
    toolsNote: z.string().nullable(),
  }),
);
export type UpdatePlan = z.infer<typeof UpdatePlan>;

export const ApplyUpdate = lazily(() =>
  z
    .object({
      id: InstanceId,
      to: z.string().min(1).max(255).optional(),
      values: z.record(z.string().max(200), z.string().max(32_768)).default({}),
      secrets: z.record(z.string().max(200), z.string().min(1).max(32_768)).default({}),
    })
    .strict(),
);
export type ApplyUpdate = z.input<typeof ApplyUpdate>;

export const RegistrySettings = lazily(() =>
  z.object({
    registries: z.array(z.object({ url: z.string(), name: z.string() })),
    /** Set by `MCP_TRAY_REGISTRY_URL`: it replaces the official registry. */
    overriddenBy: z.string().nullable(),
    /** 0: only when asked ("Check now"). */
    updateCheckHours: z.number().int().min(0).max(720),
  }),
);
export type RegistrySettings = z.infer<typeof RegistrySettings>;

export const SetRegistrySettings = lazily(() =>
  z
    .object({
      registries: z
        .array(z.object({ url: z.string().max(2048), name: z.string().min(1).max(100) }).strict())
        .min(1)
        .max(20)
        .optional(),
      updateCheckHours: z.number().int().min(0).max(720).optional(),
    })
    .strict(),
);
export type SetRegistrySettings = z.input<typeof SetRegistrySettings>;

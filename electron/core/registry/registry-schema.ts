import * as z from 'zod';
import { lazily } from '../../shared/lazy-schema';

/**
 * The MCP Registry's v0.1 API shapes in zod, derived from the registry's OpenAPI
 * (`docs/reference/api/openapi.yaml`, components `ServerList`, `ServerResponse`, `ServerDetail`,
 * `Package`, `Input`, `Argument`, `KeyValueInput`, the transports) and the published
 * `server.json` schema. Unknown keys pass (registries add `_meta` and new fields over time);
 * what we run or show must have the type the schema gives it, or the entry is skipped.
 */

/** `Input`: one value a user may give (or that the entry fixes with `value`). */
export const RegistryInput = lazily(() =>
  z.looseObject({
    description: z.string().optional(),
    isRequired: z.boolean().optional(),
    format: z.enum(['string', 'number', 'boolean', 'filepath']).optional(),
    value: z.string().optional(),
    isSecret: z.boolean().optional(),
    default: z.string().optional(),
    placeholder: z.string().optional(),
    choices: z.array(z.string()).optional(),
  }),
);
export type RegistryInput = z.infer<typeof RegistryInput>;

/** `InputWithVariables`: `{curly}` names in `value` are filled from `variables`. */
const InputWithVariables = lazily(() =>
  RegistryInput.extend({
    variables: z.record(z.string(), RegistryInput).optional(),
  }),
);

const PositionalArgument = lazily(() =>
  InputWithVariables.extend({
    type: z.literal('positional'),
    valueHint: z.string().optional(),
    isRepeated: z.boolean().optional(),
  }),
);
const NamedArgument = lazily(() =>
  InputWithVariables.extend({
    type: z.literal('named'),
    name: z.string().min(1),
    isRepeated: z.boolean().optional(),
  }),
);
export const RegistryArgument = lazily(() =>
  z.discriminatedUnion('type', [PositionalArgument, NamedArgument]),
);
export type RegistryArgument = z.infer<typeof RegistryArgument>;

/** `KeyValueInput`: an environment variable or an HTTP header. */
export const KeyValueInput = lazily(() => InputWithVariables.extend({ name: z.string().min(1) }));
export type KeyValueInput = z.infer<typeof KeyValueInput>;

const HttpTransport = lazily(() =>
  z.looseObject({
    url: z.string().min(1),
    headers: z.array(KeyValueInput).optional(),
  }),
);
const LocalTransport = lazily(() =>
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('stdio') }),
    HttpTransport.extend({ type: z.literal('streamable-http') }),
    HttpTransport.extend({ type: z.literal('sse') }),
  ]),
);

/** `RemoteTransport`: a server reached over HTTP, with URL template variables. */
export const RegistryRemote = lazily(() =>
  HttpTransport.extend({
    type: z.enum(['streamable-http', 'sse']),
    variables: z.record(z.string(), RegistryInput).optional(),
  }),
);
export type RegistryRemote = z.infer<typeof RegistryRemote>;

export const RegistryPackage = lazily(() =>
  z.looseObject({
    registryType: z.string().min(1),
    registryBaseUrl: z.string().optional(),
    identifier: z.string().min(1),
    version: z.string().min(1).max(255).optional(),
    fileSha256: z
      .string()
      .regex(/^[a-f0-9]{64}$/)
      .optional(),
    runtimeHint: z.string().optional(),
    transport: LocalTransport,
    runtimeArguments: z.array(RegistryArgument).optional(),
    packageArguments: z.array(RegistryArgument).optional(),
    environmentVariables: z.array(KeyValueInput).optional(),
  }),
);
export type RegistryPackage = z.infer<typeof RegistryPackage>;

/** `ServerDetail` (the `server.json` format). The name pattern is the schema's. */
export const ServerDetail = lazily(() =>
  z.looseObject({
    name: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/),
    // The schema caps descriptions at 100 characters, but registries have held longer ones:
    // those are cut for display instead of dropping the entry.
    description: z.string(),
    title: z.string().optional(),
    repository: z
      .looseObject({
        url: z.string(),
        source: z.string(),
        id: z.string().optional(),
        subfolder: z.string().optional(),
      })
      .optional(),
    version: z.string().min(1).max(255),
    websiteUrl: z.string().optional(),
    packages: z.array(RegistryPackage).optional(),
    remotes: z.array(RegistryRemote).optional(),
  }),
);
export type ServerDetail = z.infer<typeof ServerDetail>;

/** `_meta["io.modelcontextprotocol.registry/official"]`: what the registry says about a version. */
export const OfficialMeta = lazily(() =>
  z.looseObject({
    status: z.enum(['active', 'deprecated', 'deleted']).optional(),
    statusMessage: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    isLatest: z.boolean().optional(),
  }),
);
export type OfficialMeta = z.infer<typeof OfficialMeta>;

export const OFFICIAL_META_KEY = 'io.modelcontextprotocol.registry/official';

/** `ServerResponse`: one entry of a list, or the answer for one version. */
export const ServerResponse = lazily(() =>
  z.looseObject({
    server: ServerDetail,
    _meta: z.looseObject({ [OFFICIAL_META_KEY]: OfficialMeta.optional() }).optional(),
  }),
);
export type ServerResponse = z.infer<typeof ServerResponse>;

/** `ServerList`: entries are checked one by one, so one bad entry does not sink the page. */
export const ServerListPage = lazily(() =>
  z.looseObject({
    servers: z.array(z.unknown()),
    metadata: z
      .looseObject({ nextCursor: z.string().nullable().optional(), count: z.number().optional() })
      .optional(),
  }),
);

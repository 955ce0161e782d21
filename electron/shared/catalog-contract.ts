import * as z from 'zod';
import { InstanceId } from './instance-id';
import { PermissionLevel } from './permissions-contract';
import { lazily } from './lazy-schema';

/** Catalog and add-flow shapes of the contract (kept apart so `contract.ts` stays readable). */

/** A value of an integration setting (MCPB `user_config`): lists for `multiple` fields. */
export const ConfigValue = lazily(() => z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));
export type ConfigValue = z.infer<typeof ConfigValue>;

/** One field an integration asks for (MCPB `user_config`); sensitive ones go to the keychain. */
export const CatalogField = lazily(() =>
  z.object({
    key: z.string(),
    type: z.enum(['string', 'number', 'boolean', 'directory', 'file']),
    title: z.string(),
    description: z.string(),
    required: z.boolean(),
    sensitive: z.boolean(),
    multiple: z.boolean(),
    default: ConfigValue.nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
  }),
);
export type CatalogField = z.infer<typeof CatalogField>;

/** How a user registers their own OAuth client where the app ships none (Google Cloud…). */
export const ClientSetup = lazily(() =>
  z.object({
    title: z.string(),
    url: z.string(),
    steps: z.array(z.string()),
    /** The provider insists on a client secret even for desktop apps (Google). */
    needsSecret: z.boolean(),
    /** What to register as the redirect URI (loopback flows), or null (device flow needs none). */
    redirectUri: z.string().nullable(),
  }),
);
export type ClientSetup = z.infer<typeof ClientSetup>;

/** A token the user may paste instead of signing in (GitHub's personal access tokens). */
export const ManualToken = lazily(() =>
  z.object({ label: z.string(), help: z.string(), url: z.string().nullable() }),
);
export type ManualToken = z.infer<typeof ManualToken>;

/** One integration a user can add. */
export const CatalogEntry = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.enum(['built-in', 'community', 'remote', 'custom']),
    /** A `data:` URL, or null (the UI draws initials). */
    icon: z.string().nullable(),
    homepage: z.string().nullable(),
    author: z.string(),
    auth: z.enum(['none', 'oauth', 'device', 'api-key']),
    /** Programs the command needs and whether this machine has them. */
    runtimes: z.array(z.object({ name: z.string(), found: z.boolean(), hint: z.string().nullable() })),
    fields: z.array(CatalogField),
    clientSetup: ClientSetup.nullable(),
    manualToken: ManualToken.nullable(),
    /** No OAuth client id ships with the app: the user enters their own before signing in. */
    needsOwnClient: z.boolean(),
    /** The integration's version (its manifest's), when it has one. */
    version: z.string().nullable().optional(),
    /** What will run (shown for confirmation before the first start); env values never included. */
    launch: z.object({ command: z.string(), args: z.array(z.string()), envNames: z.array(z.string()) }),
  }),
);
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** What a new service takes, whatever it is added from (a function: built with its schema). */
export const newInstanceFields = () => ({
  /** Defaults to the integration id (with a number when taken). */
  id: InstanceId.optional(),
  name: z.string().min(1).max(200).optional(),
  userConfig: z.record(z.string(), ConfigValue).default({}),
  /** Values of sensitive fields: stored in the keychain, never in settings. */
  secrets: z.record(z.string(), z.string().min(1).max(32_768)).default({}),
});

export const AddCatalogInstance = lazily(() =>
  z
    .object({
      integrationId: z.string().min(1).max(100),
      ...newInstanceFields(),
      /** The sandbox level instead of the integration's default (strict for built-ins). */
      sandbox: PermissionLevel.optional(),
    })
    .strict(),
);
export type AddCatalogInstance = z.input<typeof AddCatalogInstance>;

/** New settings or secrets for a catalog instance (a new API key); what is not given stays. */
export const UpdateInstanceSettings = lazily(() =>
  z
    .object({
      id: InstanceId,
      userConfig: z.record(z.string(), ConfigValue).default({}),
      secrets: z.record(z.string(), z.string().min(1).max(32_768)).default({}),
    })
    .strict(),
);
export type UpdateInstanceSettings = z.input<typeof UpdateInstanceSettings>;

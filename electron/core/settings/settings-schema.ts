import { z } from 'zod';

/** Current settings schema version; bump it and add a migration in `settings-migrations.ts`. */
export const SETTINGS_VERSION = 4;

const ConfigValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** How a custom (user-added) server is launched. Secret values are never stored here. */
export const LaunchConfig = z.object({
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
});
export type LaunchConfig = z.infer<typeof LaunchConfig>;

/** Who is signed in on an instance: non-secret facts about the tokens in the keychain. */
export const AccountMetadata = z.object({
  tokenType: z.string(),
  expiresAt: z.number().optional(),
  scope: z.array(z.string()).optional(),
  accountLabel: z.string().optional(),
  hasRefreshToken: z.boolean(),
  signedInAt: z.string().optional(),
});
export type AccountMetadata = z.infer<typeof AccountMetadata>;

/** How long a call through the broker may take when the instance sets no timeout of its own. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** One configured use of an integration. Secrets are never here (they live in the keychain). */
export const InstanceConfig = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().min(1).max(200),
  /** `custom` for a user's own command, else a catalog integration id. */
  integrationId: z.string().min(1),
  enabled: z.boolean(),
  createdAt: z.string(),
  launch: LaunchConfig.optional(),
  /** Non-sensitive `user_config` values of a catalog integration. */
  userConfig: z.record(z.string(), ConfigValue).default({}),
  /** Names of the secret env vars (custom) or sensitive fields (catalog) held in the keychain. */
  secretFields: z.array(z.string()).default([]),
  /** Set once the user has signed in (OAuth or device code). */
  account: AccountMetadata.optional(),
  /** Per-request timeout for calls through the broker. */
  requestTimeoutMs: z.number().int().positive().optional(),
  /** Tools the user turned off: the broker hides them from every client and refuses calls. */
  disabledTools: z.array(z.string()).default([]),
});
export type InstanceConfig = z.infer<typeof InstanceConfig>;

/** Per AI client: what the user chose, and what we last wrote (to notice drift). */
export const ClientSettings = z.object({
  selected: z.array(z.string()).default([]),
  applied: z.array(z.string()).default([]),
});
export type ClientSettings = z.infer<typeof ClientSettings>;

export const Settings = z.looseObject({
  instances: z.array(InstanceConfig).default([]),
  clients: z.record(z.string(), ClientSettings).default({}),
  /** When a client strips our entries: restore them always, ask first, or leave them. */
  driftPolicy: z.enum(['always', 'ask', 'never']).default('ask'),
  ui: z.object({ theme: z.enum(['system', 'light', 'dark']).default('system') }).default({ theme: 'system' }),
  /** Tool calls older than this leave the log. */
  logRetentionDays: z.number().int().min(1).max(365).default(30),
  /** Start at login; the desktop shell applies it (the headless host only keeps it). */
  launchAtLogin: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});

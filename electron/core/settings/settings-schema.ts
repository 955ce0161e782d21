import * as z from 'zod';
import { PROFILE_NAME_PATTERN } from '../../shared/profiles-contract';
import { InstanceId } from '../../shared/instance-id';
import { PermissionProfile } from '../../shared/permissions-contract';

/** Current settings schema version; bump it and add a migration in `settings-migrations.ts`. */
export const SETTINGS_VERSION = 9;

/** Port of the HTTP endpoint unless the user picks another (the UI host uses 7711). */
export const DEFAULT_HTTP_BROKER_PORT = 7712;

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
  /** Signed in with a pasted token rather than a flow: nothing to refresh. */
  manual: z.boolean().optional(),
});
export type AccountMetadata = z.infer<typeof AccountMetadata>;

/** How long a call through the broker may take when the instance sets no timeout of its own. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** How long a start waits for the server's answer to `initialize` unless the instance says otherwise. */
export const DEFAULT_START_TIMEOUT_MS = 30_000;

/**
 * The client registration MCP Tray made at a remote server's authorization server (RFC 7591
 * dynamic client registration), kept so every sign-in reuses it. Its secret, if the server
 * issued one, is in the keychain.
 */
export const RemoteRegistration = z.object({
  clientId: z.string().min(1),
  /** The authorization server it is bound to (the MCP SDK's `issuer` stamp). */
  issuer: z.string(),
  /** The loopback redirect URI registered with it (its port is reused at the next sign-in). */
  redirectUris: z.array(z.string()).default([]),
  tokenEndpointAuthMethod: z.string().optional(),
  /** The scope it was registered with, when the server recorded one (a step-up may need more). */
  scope: z.string().optional(),
  hasSecret: z.boolean().default(false),
  /** Epoch seconds the secret expires (RFC 7591 `client_secret_expires_at`), 0 or absent: never. */
  secretExpiresAt: z.number().optional(),
});
export type RemoteRegistration = z.infer<typeof RemoteRegistration>;

/** A remote MCP server, reached over HTTP instead of run as a local command. */
export const RemoteConfig = z.object({
  url: z.url(),
  /** The transport that worked last time, tried first next time (HTTP+SSE is the older one). */
  transport: z.enum(['streamable-http', 'sse']).optional(),
  registration: RemoteRegistration.optional(),
  /** The authorization server the stored tokens came from (never shown to any other). */
  tokenIssuer: z.string().optional(),
  /** Scopes the server asked for beyond the sign-in (403 `insufficient_scope`): asked at the next one. */
  stepUpScope: z.string().optional(),
  /** Its authorization server offers no dynamic registration: the user enters a client id. */
  noDynamicRegistration: z.boolean().optional(),
  /** HTTP headers sent with every request (a registry entry's `headers`); not secret. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Names of secret headers; their values are in the keychain (`<id>:header.<Name>`). */
  secretHeaders: z.array(z.string()).optional(),
});
export type RemoteConfig = z.infer<typeof RemoteConfig>;

/** The official MCP Registry: the first registry unless `MCP_TRAY_REGISTRY_URL` replaces it. */
export const OFFICIAL_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

/** How an instance installed from a registry runs at one pinned version (kept for rollback). */
export const RegistryPin = z.object({
  version: z.string().min(1).max(255),
  /** `npm`, `pypi`, `oci`, `mcpb`, or `remote`. */
  packageType: z.string().min(1).max(20),
  launch: LaunchConfig.optional(),
  remote: RemoteConfig.optional(),
  secretFields: z.array(z.string()).default([]),
  bundleDir: z.string().min(1).optional(),
  integrationId: z.string().min(1).optional(),
  userConfig: z.record(z.string(), ConfigValue).default({}),
  values: z.record(z.string(), z.string()).default({}),
});
export type RegistryPin = z.infer<typeof RegistryPin>;

/** Where a registry instance came from, at which version, and the version before an update. */
export const RegistrySource = z.object({
  /** The registry's base URL. */
  registry: z.string().min(1),
  /** The server's name in the registry (`io.github.owner/name`). */
  name: z.string().min(3).max(200),
  version: z.string().min(1).max(255),
  packageType: z.string().min(1).max(20),
  /** The non-secret values the user gave, by field key: an update builds the new command from them. */
  values: z.record(z.string(), z.string()).default({}),
  /** What ran before the last update, so rolling back is one step. */
  previous: RegistryPin.optional(),
});
export type RegistrySource = z.infer<typeof RegistrySource>;

/** One configured use of an integration. Secrets are never here (they live in the keychain). */
export const InstanceConfig = z.object({
  id: InstanceId,
  name: z.string().min(1).max(200),
  /** `custom` for a user's own command, else a catalog integration id. */
  integrationId: z.string().min(1),
  enabled: z.boolean(),
  createdAt: z.string(),
  launch: LaunchConfig.optional(),
  /** Set for a remote MCP server (then there is no launch); see `RemoteConfig`. */
  remote: RemoteConfig.optional(),
  /** Non-sensitive `user_config` values of a catalog integration. */
  userConfig: z.record(z.string(), ConfigValue).default({}),
  /** Names of the secret env vars (custom) or sensitive fields (catalog) held in the keychain. */
  secretFields: z.array(z.string()).default([]),
  /** Set once the user has signed in (OAuth or device code, or a pasted token: `manual`). */
  account: AccountMetadata.optional(),
  /** The user's own OAuth client for this instance; its secret, if any, is in the keychain. */
  oauthClient: z.object({ clientId: z.string().min(1), hasSecret: z.boolean().default(false) }).optional(),
  /** Per-request timeout for calls through the broker. */
  requestTimeoutMs: z.number().int().positive().optional(),
  /** How long the server may take to answer `initialize` before the start counts as a crash. */
  startTimeoutMs: z.number().int().positive().optional(),
  /** Where an `.mcpb` bundle of this instance was extracted; its manifest is the integration. */
  bundleDir: z.string().min(1).optional(),
  /** Tools the user turned off: the broker hides them from every client and refuses calls. */
  disabledTools: z.array(z.string()).default([]),
  /** Installed from an MCP registry at a pinned version (`source=registry`). */
  registry: RegistrySource.optional(),
  /** The sandbox profile; absent means the default for its kind (see sandbox/profile-defaults). */
  permissions: PermissionProfile.optional(),
});
export type InstanceConfig = z.infer<typeof InstanceConfig>;

/** How a client's entries reach the broker: the stdio connector, or the local HTTP endpoint. */
const ClientTransport = z.enum(['stdio', 'http']);
type ClientTransport = z.infer<typeof ClientTransport>;

/** Per AI client: what the user chose, and what we last wrote (to notice drift). */
export const ClientSettings = z.object({
  selected: z.array(z.string()).default([]),
  applied: z.array(z.string()).default([]),
  /** `http` only takes effect for clients that speak it, while the HTTP endpoint is on. */
  transport: ClientTransport.default('stdio'),
  /** The profile this client gets; absent: "Everything" (every service, as before profiles). */
  profile: z.string().min(1).max(40).optional(),
  /**
   * One entry per service, or one combined entry for the whole profile. Absent: the default
   * (combined for Claude Desktop and Cursor when the profile has more than five services).
   */
  entryMode: z.enum(['per-service', 'combined']).optional(),
});
export type ClientSettings = z.infer<typeof ClientSettings>;

/** What a profile takes from one service: every tool (`null`), or only these. */
const ProfileService = z.object({
  instance: z.string().min(1).max(63),
  tools: z.array(z.string().min(1).max(200)).nullable().default(null),
});
type ProfileService = z.infer<typeof ProfileService>;

/** Profile names: shown to users and typed on command lines. */

/** A named set of services, with optional tool choices inside each (see core/profiles). */
export const Profile = z.object({
  name: z.string().regex(PROFILE_NAME_PATTERN),
  services: z.array(ProfileService).default([]),
});
export type Profile = z.infer<typeof Profile>;

export const Settings = z.looseObject({
  instances: z.array(InstanceConfig).default([]),
  clients: z.record(z.string(), ClientSettings).default({}),
  /** The user's profiles; "Everything" is implicit and never stored. */
  profiles: z.array(Profile).default([]),
  /** When a client strips our entries: restore them always, ask first, or leave them. */
  driftPolicy: z.enum(['always', 'ask', 'never']).default('ask'),
  /** The broker over Streamable HTTP on 127.0.0.1 (off until the user turns it on). */
  httpBroker: z
    .object({
      enabled: z.boolean().default(false),
      // No fallback port: clients' config files hold the URL, so it must not move.
      port: z.number().int().min(1).max(65535).default(DEFAULT_HTTP_BROKER_PORT),
    })
    .default({ enabled: false, port: DEFAULT_HTTP_BROKER_PORT }),
  ui: z
    .object({
      theme: z.enum(['system', 'light', 'dark']).default('system'),
      /** The first-run welcome was closed (or there were services before it existed). */
      welcomeDismissed: z.boolean().default(false),
    })
    .default({ theme: 'system', welcomeDismissed: false }),
  /** Tool calls older than this leave the log. */
  logRetentionDays: z.number().int().min(1).max(365).default(30),
  /** Start at login; the desktop shell applies it (the headless host only keeps it). */
  launchAtLogin: z.boolean().default(false),
  /** MCP registries searched for servers, the official one first; users add their company's. */
  registries: z
    .array(z.object({ url: z.url(), name: z.string().min(1).max(100) }))
    .default([{ url: OFFICIAL_REGISTRY_URL, name: 'Official MCP Registry' }]),
  /** How often installed registry servers are checked for a newer version; 0 = only "Check now". */
  updateCheckHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});

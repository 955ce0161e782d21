import * as z from 'zod';
import { EVENT_NAMES, REQUEST_NAMES } from './contract-names';
import { ERROR_CODES } from './error-codes';
import { InstanceId } from './instance-id';
import { AddBundleInstance, BundleInfo, InspectBundle, SetUiFlag, UiState } from './bundle-contract';
import {
  AddCatalogInstance,
  CatalogEntry,
  ClientSetup,
  ConfigValue,
  ManualToken,
  UpdateInstanceSettings,
} from './catalog-contract';
import {
  ApplyUpdate,
  GetRegistryEntry,
  InstallFromRegistry,
  OutdatedInstance,
  RegistryEntryDetail,
  RegistrySearchResult,
  RegistrySettings,
  SearchRegistry,
  SetRegistrySettings,
  UpdatePlan,
  UpdateTarget,
} from './registry-contract';

import { ToolDecision, ToolPinStatus, ToolReview } from './pinning-contract';
import { EntryMode, ProfileInfo, ProfileName, profileRequests } from './profiles-contract';

export * from './bundle-contract';
export * from './catalog-contract';
export * from './registry-contract';
export * from './pinning-contract';
export * from './permissions-contract';
export * from './profiles-contract';
import { InstallRequest } from './deep-link';
import { EditPermissions, PermissionLevel, PermissionsView, SandboxStatus } from './permissions-contract';
import { lazily, spec } from './lazy-schema';

export { InstallRequest };

/**
 * The one contract between the UI and the core. Every request and event the UI can use is
 * declared here once; the IPC and WebSocket transports and the `TrayApi` type are derived
 * from these two maps, so adding a feature means adding an entry here and a handler in core.
 * Every schema is built the first time it is used (`lazily`, `spec`: lazy-schema.ts), so a new
 * one goes in the same way: the core's start builds only the few it needs.
 */

const NoInput = lazily(() => z.object({}).strict());

/** Lifecycle states of an integration instance (the supervisor drives them). */
export const InstanceState = lazily(() =>
  z.enum(['stopped', 'starting', 'running', 'unhealthy', 'backoff', 'failed', 'needs-auth', 'disabled']),
);
export type InstanceState = z.infer<typeof InstanceState>;

export const InstanceSummary = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    integrationId: z.string(),
    enabled: z.boolean(),
    state: InstanceState,
    /** Why the instance is in its state, in words a user understands. */
    stateReason: z.string().nullable(),
    /** ISO timestamp of the last state transition. */
    stateSince: z.string(),
    pid: z.number().int().nullable(),
    toolCount: z.number().int().nonnegative(),
    /** When the next restart attempt happens, while in `backoff`. */
    nextRetryAt: z.string().nullable(),
    /** Names of the AI clients connected to it right now (one entry per client name). */
    clients: z.array(z.string()),
    /** Where it came from: the built-in or curated catalog, an MCP registry, or the user's own. */
    source: z.enum(['built-in', 'curated', 'registry', 'custom']).optional(),
    /** The pinned version of a registry install (null for everything else). */
    version: z.string().nullable().optional(),
    /** Tools new or changed since the user approved them, held back until reviewed (0 if absent). */
    toolsToReview: z.number().int().nonnegative().optional(),
    /** The sandbox in force: a level, `none` (not sandboxed) or `unavailable` (the OS cannot). */
    sandbox: SandboxStatus,
    /** Attempts the sandbox blocked since the app started. */
    blockedCount: z.number().int().nonnegative(),
  }),
);
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const StateTransition = lazily(() =>
  z.object({
    state: InstanceState,
    reason: z.string().nullable(),
    at: z.string(),
  }),
);
export type StateTransition = z.infer<typeof StateTransition>;

export const ToolSummary = lazily(() =>
  z.object({
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    /** The tool's JSON Schema for its arguments, as the server declared it. */
    inputSchema: z.record(z.string(), z.unknown()),
    /** Off: the broker hides it from AI clients and refuses calls to it. */
    enabled: z.boolean(),
    /** The server says the tool changes or deletes things (MCP `destructiveHint`). */
    destructive: z.boolean(),
    /** Tool pinning: only `approved` versions reach AI clients. */
    review: ToolPinStatus.optional(),
    /** Its name through a combined entry (prefixed, shortened to 64 characters when needed). */
    combinedName: z.string().optional(),
  }),
);
export type ToolSummary = z.infer<typeof ToolSummary>;

export const ProcessStats = lazily(() =>
  z.object({
    cpuPercent: z.number().nonnegative(),
    rssBytes: z.number().nonnegative(),
    processCount: z.number().int().nonnegative(),
  }),
);
export type ProcessStats = z.infer<typeof ProcessStats>;

/** One CPU/memory sample of a server's process tree (taken every few seconds). */
export const StatsSample = lazily(() =>
  z.object({
    at: z.string(),
    cpuPercent: z.number().nonnegative(),
    rssBytes: z.number().nonnegative(),
  }),
);
export type StatsSample = z.infer<typeof StatsSample>;

/** The sign-in state of an instance whose integration needs one. */
export const AccountInfo = lazily(() =>
  z.object({
    method: z.enum(['oauth', 'device']),
    signedIn: z.boolean(),
    label: z.string().nullable(),
    scopes: z.array(z.string()),
    /** ISO time the access token expires, when known. */
    expiresAt: z.string().nullable(),
    /** A sign-in is waiting for the user in the browser. */
    pending: z.boolean(),
    /** Signed in with a pasted token (no refresh; replace it when it expires). */
    manual: z.boolean(),
    /** The user must enter their own OAuth client id before signing in. */
    needsClientId: z.boolean(),
    /** The client id in use (theirs or the app's), when there is one. */
    clientId: z.string().nullable(),
    clientSetup: ClientSetup.nullable(),
    manualToken: ManualToken.nullable(),
  }),
);
export type AccountInfo = z.infer<typeof AccountInfo>;

/** What the user must do to finish a sign-in that just started. */
export const SignInStart = lazily(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('browser'), url: z.string() }),
    z.object({
      kind: z.literal('device'),
      userCode: z.string(),
      verificationUri: z.string(),
      verificationUriComplete: z.string().nullable(),
      expiresAt: z.string(),
    }),
  ]),
);
export type SignInStart = z.infer<typeof SignInStart>;

/** Everything the detail view shows about one instance. */
export const InstanceDetail = lazily(() =>
  InstanceSummary.extend({
    account: AccountInfo.optional(),
    command: z.string(),
    args: z.array(z.string()),
    /** Names only: values of secret variables never leave the core. */
    envNames: z.array(z.string()),
    secretEnvNames: z.array(z.string()),
    history: z.array(StateTransition),
    tools: z.array(ToolSummary),
    resourceCount: z.number().int().nonnegative(),
    promptCount: z.number().int().nonnegative(),
    serverInfo: z.object({ name: z.string(), version: z.string() }).nullable(),
    stderrTail: z.array(z.string()),
    stats: ProcessStats.nullable(),
    restarts: z.number().int().nonnegative(),
    /** Lines on the server's stdout that were not JSON-RPC (ignored). */
    garbageLines: z.number().int().nonnegative(),
    /** Recent samples, oldest first, for the CPU and memory sparklines. */
    statsHistory: z.array(StatsSample),
    /** Tools the user turned off (including ones the server no longer offers). */
    disabledTools: z.array(z.string()),
    /** Per-request timeout for calls through the broker, and whether it is the default. */
    requestTimeoutMs: z.number().int().positive(),
    requestTimeoutIsDefault: z.boolean(),
    /** How long the server may take to answer `initialize`, and whether it is the default. */
    startTimeoutMs: z.number().int().positive(),
    startTimeoutIsDefault: z.boolean(),
    /** A remote MCP server's address (then `command` is that address and there is no process). */
    url: z.string().optional(),
    /**
     * A catalog instance's saved settings (MCPB `user_config`; fields left out use their default).
     * Secret ones are never here: they stay in the keychain.
     */
    userConfig: z.record(z.string(), ConfigValue).optional(),
    /** A catalog instance's secret settings that have a value in the keychain (names only). */
    secretFields: z.array(z.string()).optional(),
    /** Installed from an MCP registry: where from, the pinned version, and what "Roll back" returns to. */
    registry: z
      .object({
        registry: z.string(),
        name: z.string(),
        version: z.string(),
        packageType: z.string(),
        previousVersion: z.string().nullable(),
      })
      .optional(),
  }),
);
export type InstanceDetail = z.infer<typeof InstanceDetail>;

const EnvName = lazily(() =>
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Not a valid environment variable name'),
);

/** A custom command the user adds (CLI `add`, the custom server form). */
export const AddCustomInstance = lazily(() =>
  z
    .object({
      id: InstanceId,
      name: z.string().min(1).max(200).optional(),
      command: z.string().min(1).max(4096),
      args: z.array(z.string().max(32_768)).max(256).default([]),
      env: z.record(EnvName, z.string().max(32_768)).default({}),
      /** Secret variables: stored in the keychain, given to the server's environment only. */
      secretEnv: z.record(EnvName, z.string().min(1).max(32_768)).default({}),
      /** The sandbox level; `standard` unless the user relaxes or tightens it. */
      sandbox: PermissionLevel.optional(),
    })
    .strict(),
);
export type AddCustomInstance = z.input<typeof AddCustomInstance>;

const ById = lazily(() => z.object({ id: InstanceId }).strict());

/**
 * A remote MCP server the user adds by its address (CLI `add <id> --url`, an install link).
 * https, or plain http to this computer only; the core checks that.
 */
export const AddRemoteInstance = lazily(() =>
  z
    .object({
      /** Defaults to a name taken from the address (`mcp.linear.app` → `linear`). */
      id: InstanceId.optional(),
      name: z.string().min(1).max(200).optional(),
      url: z.string().min(1).max(2048),
    })
    .strict(),
);
export type AddRemoteInstance = z.input<typeof AddRemoteInstance>;

export const ClientId = lazily(() =>
  z.enum([
    'claude-desktop',
    'claude-code',
    'cursor',
    'vscode',
    'windsurf',
    'gemini-cli',
    'lm-studio',
    'zed',
    'codex',
  ]),
);
export type ClientId = z.infer<typeof ClientId>;

/** How a client reaches MCP Tray: by running the stdio connector, or over the local HTTP endpoint. */
export const ClientTransport = lazily(() => z.enum(['stdio', 'http']));
export type ClientTransport = z.infer<typeof ClientTransport>;

/** One server entry found in a client's config file (values of env vars are never sent). */
export const ClientEntry = lazily(() =>
  z.object({
    name: z.string(),
    /** Empty for an HTTP entry of ours (it has `url` instead). */
    command: z.string(),
    args: z.array(z.string()),
    envNames: z.array(z.string()),
    /** The instance this entry runs, when it is one of ours. */
    instanceId: z.string().nullable(),
    /** Our HTTP entries only: the endpoint URL (its token header is never sent). */
    url: z.string().optional(),
  }),
);
export type ClientEntry = z.infer<typeof ClientEntry>;

/** What showed that a client is installed: its program, found where. */
export const ClientEvidence = lazily(() =>
  z.object({
    kind: z.enum([
      'app-bundle',
      'install-folder',
      'msix-package',
      'desktop-file',
      'flatpak',
      'appimage',
      'command',
    ]),
    path: z.string(),
  }),
);
export type ClientEvidence = z.infer<typeof ClientEvidence>;

/** An AI client, its config file, and which instances it gets. */
export const ClientInfo = lazily(() =>
  z.object({
    id: ClientId,
    name: z.string(),
    /** Its program was found (never a config file alone); `evidence` says where. */
    installed: z.boolean(),
    evidence: z.array(ClientEvidence),
    configPath: z.string().nullable(),
    reloadHint: z.string(),
    docs: z.array(z.string()),
    /** Instances the user chose for this client. */
    selected: z.array(z.string()),
    /** Instances whose entries are in the file now. */
    configured: z.array(z.string()),
    entries: z.array(ClientEntry),
    /** Why the file cannot be used (parse error with line and column), if so. */
    error: z.string().nullable(),
    /** Instances we wrote that the client has since removed from its file. */
    drift: z.array(z.string()),
    /**
     * Instances whose entries of ours name a program that no longer exists (MCP Tray moved):
     * MCP Tray rewrites them to its stable launcher.
     */
    broken: z.array(z.string()).optional(),
    /** Whether the client can reach MCP Tray over HTTP (otherwise always stdio). */
    supportsHttp: z.boolean().optional(),
    /** The transport chosen for this client (default stdio). */
    transport: ClientTransport.optional(),
    /**
     * What its entries use when written now: `http` only while the HTTP endpoint is on and the
     * client supports it.
     */
    effectiveTransport: ClientTransport.optional(),
    /** The profile this client gets ("Everything" unless the user chose one). */
    profile: z.string().optional(),
    /** One entry per service, or one combined entry, as written now (the default or the choice). */
    entryMode: EntryMode.optional(),
    /** Whether `entryMode` is the user's choice rather than the default. */
    entryModeChosen: z.boolean().optional(),
  }),
);
export type ClientInfo = z.infer<typeof ClientInfo>;

/** One hunk of a unified diff: its line ranges, then its lines, each with its sign (` `, `-`, `+`). */
export const DiffHunk = lazily(() =>
  z.object({
    oldStart: z.number().int(),
    oldLines: z.number().int(),
    newStart: z.number().int(),
    newLines: z.number().int(),
    lines: z.array(z.string()),
  }),
);
export type DiffHunk = z.infer<typeof DiffHunk>;

export const ClientPlan = lazily(() =>
  z.object({
    client: ClientId,
    file: z.string(),
    /** The change as unified diff text (what the CLI prints). */
    diff: z.string(),
    /** The same change as hunks (what the window shows), so nobody parses the text back. */
    hunks: z.array(DiffHunk),
    changed: z.boolean(),
  }),
);
export type ClientPlan = z.infer<typeof ClientPlan>;

export const ClientApplied = lazily(() =>
  ClientPlan.extend({ backup: z.string().nullable(), reloadHint: z.string() }),
);
export type ClientApplied = z.infer<typeof ClientApplied>;

const ByClient = lazily(() => z.object({ client: ClientId }).strict());

/** The broker over Streamable HTTP on 127.0.0.1 (for clients that speak HTTP). */
export const HttpEndpointStatus = lazily(() =>
  z.object({
    /** The user turned it on (it then starts with MCP Tray). */
    enabled: z.boolean(),
    /** It is listening now. */
    running: z.boolean(),
    port: z.number().int(),
    /** Every service is at `<baseUrl><service-id>`. */
    baseUrl: z.string(),
    /** Why it is not running although enabled (a busy port, no keychain), in words. */
    error: z.string().nullable(),
    /** The bearer token, only when asked for with `showToken`. */
    token: z.string().optional(),
  }),
);
export type HttpEndpointStatus = z.infer<typeof HttpEndpointStatus>;

export const ToolCallOutcome = lazily(() =>
  z.enum(['ok', 'tool-error', 'protocol-error', 'timeout', 'cancelled']),
);
export type ToolCallOutcome = z.infer<typeof ToolCallOutcome>;

/** One `tools/call` that passed the broker. Arguments and results are redacted and truncated. */
export const ToolCallRecord = lazily(() =>
  z.object({
    /** Increasing per data folder; newer calls have larger ids. */
    id: z.number().int().nonnegative(),
    /** When the call started (ISO). */
    time: z.string(),
    instanceId: z.string(),
    client: z.object({ name: z.string(), version: z.string().nullable() }),
    /** `mcp-tray` for calls made from the app's own "try it" form. */
    source: z.enum(['client', 'mcp-tray']),
    tool: z.string(),
    arguments: z.unknown(),
    durationMs: z.number().nonnegative(),
    outcome: ToolCallOutcome,
    error: z.string().nullable(),
    result: z
      .object({
        contentTypes: z.array(z.string()),
        bytes: z.number().int().nonnegative(),
        preview: z.string(),
      })
      .nullable(),
  }),
);
export type ToolCallRecord = z.infer<typeof ToolCallRecord>;

/** Filters for the tool-call log; results are newest first, paged by `beforeId`. */
export const ToolCallQuery = lazily(() =>
  z
    .object({
      instanceId: z.string().max(100).optional(),
      tool: z.string().max(200).optional(),
      outcome: ToolCallOutcome.optional(),
      client: z.string().max(200).optional(),
      /** ISO times, inclusive. */
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      /** Case-insensitive free text over tool, client, arguments, result preview and error. */
      text: z.string().max(200).optional(),
      beforeId: z.number().int().optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
);
export type ToolCallQuery = z.input<typeof ToolCallQuery>;

export const ToolCallPage = lazily(() =>
  z.object({
    records: z.array(ToolCallRecord),
    /** How many records match the filters in all. */
    total: z.number().int().nonnegative(),
    hasMore: z.boolean(),
  }),
);
export type ToolCallPage = z.infer<typeof ToolCallPage>;

export const KeychainStatus = lazily(() =>
  z.object({
    available: z.boolean(),
    /** Backend name when available, otherwise what is wrong and what to do. */
    detail: z.string(),
  }),
);
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AppNotice = lazily(() =>
  z.object({
    id: z.string(),
    level: z.enum(['info', 'warning', 'error']),
    message: z.string(),
  }),
);
export type AppNotice = z.infer<typeof AppNotice>;

export const AppInfo = lazily(() =>
  z.object({
    name: z.string(),
    version: z.string(),
    host: z.enum(['electron', 'headless']),
    platform: z.string(),
    dataDir: z.string(),
    pid: z.number().int(),
    startedAt: z.string(),
    keychain: KeychainStatus,
    notices: z.array(AppNotice),
  }),
);
export type AppInfo = z.infer<typeof AppInfo>;

/** One piece of a tool's answer, as the "try it" form shows it. */
export const ToolResultContent = lazily(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string(), truncated: z.boolean() }),
    /** Base64 data of an image or audio clip (only when small enough to show). */
    z.object({
      kind: z.enum(['image', 'audio']),
      mimeType: z.string(),
      data: z.string().nullable(),
      bytes: z.number(),
    }),
    z.object({
      kind: z.literal('resource'),
      uri: z.string(),
      mimeType: z.string().nullable(),
      text: z.string().nullable(),
    }),
    z.object({ kind: z.literal('link'), uri: z.string(), name: z.string() }),
    /** Anything else, as JSON text. */
    z.object({ kind: z.literal('other'), json: z.string() }),
  ]),
);
export type ToolResultContent = z.infer<typeof ToolResultContent>;

/** What a tool answered to a call made from MCP Tray. */
export const ToolCallResult = lazily(() =>
  z.object({
    isError: z.boolean(),
    content: z.array(ToolResultContent),
    /** The tool's structured output, as indented JSON, when it gave one. */
    structured: z.string().nullable(),
    durationMs: z.number().nonnegative(),
  }),
);
export type ToolCallResult = z.infer<typeof ToolCallResult>;

/** App-wide choices the user makes in Settings. */
export const Preferences = lazily(() =>
  z.object({
    theme: z.enum(['system', 'light', 'dark']),
    /** Tool calls older than this are deleted from the log. */
    logRetentionDays: z.number().int().min(1).max(365),
    /** When a client strips our entries: restore them always, ask first, or leave them. */
    driftPolicy: z.enum(['always', 'ask', 'never']),
    /** Start MCP Tray when the user logs in (the desktop shell applies it). */
    launchAtLogin: z.boolean(),
  }),
);
export type Preferences = z.infer<typeof Preferences>;

/** Where an exported diagnostics zip went and what it holds. */
export const DiagnosticsExport = lazily(() =>
  z.object({
    path: z.string(),
    bytes: z.number().int().nonnegative(),
    files: z.array(z.string()),
  }),
);
export type DiagnosticsExport = z.infer<typeof DiagnosticsExport>;

/** Keychain items stored for a service that no longer exists (field names only, never values). */
export const OrphanSecrets = lazily(() => z.object({ instanceId: z.string(), fields: z.array(z.string()) }));
export type OrphanSecrets = z.infer<typeof OrphanSecrets>;

/** UI → core requests: name → input and output schemas. */
export const requests = {
  getAppInfo: spec(() => ({ input: NoInput, output: AppInfo })),
  listInstances: spec(() => ({ input: NoInput, output: z.array(InstanceSummary) })),
  getInstance: spec(() => ({ input: ById, output: InstanceDetail })),
  addCustomInstance: spec(() => ({ input: AddCustomInstance, output: InstanceSummary })),
  /** Adds a remote MCP server by URL; it connects, or waits in `needs-auth` for a sign-in. */
  addRemoteInstance: spec(() => ({ input: AddRemoteInstance, output: InstanceSummary })),
  removeInstance: spec(() => ({ input: ById, output: z.object({ removed: z.literal(true) }) })),
  restartInstance: spec(() => ({ input: ById, output: InstanceSummary })),
  setInstanceEnabled: spec(() => ({
    input: ById.extend({ enabled: z.boolean() }).strict(),
    output: InstanceSummary,
  })),
  queryToolCalls: spec(() => ({ input: ToolCallQuery, output: ToolCallPage })),
  /** Starts (or returns the running) sign-in; `openBrowser: false` leaves opening to the caller. */
  startSignIn: spec(() => ({
    input: ById.extend({ openBrowser: z.boolean().default(true) }).strict(),
    output: SignInStart,
  })),
  /** Resolves when the running sign-in ends (the instance then starts). */
  waitSignIn: spec(() => ({ input: ById, output: AccountInfo })),
  cancelSignIn: spec(() => ({ input: ById, output: z.object({ cancelled: z.boolean() }) })),
  /** Revokes at the provider where possible, deletes the tokens, stops the server. */
  signOut: spec(() => ({ input: ById, output: AccountInfo })),
  /** Uses the user's own OAuth client (Google Cloud, a GitHub OAuth App) for this instance. */
  setOAuthClient: spec(() => ({
    input: ById.extend({
      clientId: z.string().trim().min(1).max(512),
      clientSecret: z.string().trim().min(1).max(512).optional(),
    }).strict(),
    output: AccountInfo,
  })),
  /** Signs in with a pasted token (personal access token) instead of the browser. */
  signInWithToken: spec(() => ({
    input: ById.extend({ token: z.string().trim().min(1).max(4096) }).strict(),
    output: AccountInfo,
  })),
  listCatalog: spec(() => ({ input: NoInput, output: z.array(CatalogEntry) })),
  /**
   * The integration a service runs, as a catalog entry (its settings' fields): a bundle's own
   * manifest too, which the catalog does not list. Null for a custom command or a remote server.
   */
  getInstanceIntegration: spec(() => ({ input: ById, output: CatalogEntry.nullable() })),
  addCatalogInstance: spec(() => ({ input: AddCatalogInstance, output: InstanceSummary })),
  /** New settings or secrets (a new API key) for a catalog instance; it restarts with them. */
  updateInstanceSettings: spec(() => ({ input: UpdateInstanceSettings, output: InstanceSummary })),
  /** Checks an `.mcpb` file and says what it would run; nothing is extracted or started. */
  inspectBundle: spec(() => ({ input: InspectBundle, output: BundleInfo })),
  /** Extracts a checked bundle into the data folder and adds it as a service. */
  addBundleInstance: spec(() => ({ input: AddBundleInstance, output: InstanceSummary })),
  getUiState: spec(() => ({ input: NoInput, output: UiState })),
  setUiFlag: spec(() => ({ input: SetUiFlag, output: UiState })),
  listClients: spec(() => ({ input: NoInput, output: z.array(ClientInfo) })),
  setClientSelection: spec(() => ({
    input: ByClient.extend({ instances: z.array(InstanceId).max(500) }).strict(),
    output: ClientInfo,
  })),
  /** What applying would change; `instances` previews another choice without saving it. */
  planClientConfig: spec(() => ({
    input: ByClient.extend({ instances: z.array(InstanceId).max(500).optional() }).strict(),
    output: ClientPlan,
  })),
  applyClientConfig: spec(() => ({ input: ByClient, output: ClientApplied })),
  /** Quits and reopens the client where the platform allows (Claude Desktop on macOS and Windows). */
  restartClient: spec(() => ({
    input: ByClient,
    output: z.object({ restarted: z.boolean(), message: z.string() }),
  })),
  /** Adopt a client's own stdio servers as instances and point its entries at MCP Tray. */
  importClientServers: spec(() => ({
    input: ByClient.extend({ names: z.array(z.string().max(200)).min(1).max(100) }).strict(),
    output: z.object({ imported: z.array(InstanceSummary), applied: ClientApplied }),
  })),
  /** Reads an `mcp-tray://install?…` link and opens the Add flow with it (nothing is installed). */
  openInstallLink: spec(() => ({
    input: z.object({ url: z.string().max(16_384) }).strict(),
    output: z.object({ request: InstallRequest }),
  })),
  /**
   * Chooses how a client reaches MCP Tray. Saved only: `applyClientConfig` writes the entries
   * (HTTP entries carry the endpoint URL and the bearer token in their headers).
   */
  setClientTransport: spec(() => ({
    input: ByClient.extend({ transport: ClientTransport }).strict(),
    output: ClientInfo,
  })),
  /** The HTTP endpoint's state; `showToken` adds the bearer token. */
  getHttpEndpoint: spec(() => ({
    input: z.object({ showToken: z.boolean().default(false) }).strict(),
    output: HttpEndpointStatus,
  })),
  /**
   * Turns the HTTP endpoint on (creating the token on first use) or off. Entries of clients set
   * to HTTP are rewritten to match (HTTP while on, the stdio connector while off).
   */
  setHttpEndpointEnabled: spec(() => ({
    input: z.object({ enabled: z.boolean() }).strict(),
    output: HttpEndpointStatus,
  })),
  /** Calls a tool through the broker, logged as made from MCP Tray ("try it"). */
  callTool: spec(() => ({
    input: ById.extend({
      tool: z.string().min(1).max(200),
      arguments: z.record(z.string(), z.unknown()).default({}),
    }).strict(),
    output: ToolCallResult,
  })),
  /** Turns one tool on or off for every AI client (the broker hides tools that are off). */
  setToolEnabled: spec(() => ({
    input: ById.extend({ tool: z.string().min(1).max(200), enabled: z.boolean() }).strict(),
    output: z.object({ disabledTools: z.array(z.string()) }),
  })),
  /** Per-request timeout for calls through the broker; null goes back to the default. */
  setRequestTimeout: spec(() => ({
    input: ById.extend({ timeoutMs: z.number().int().min(1000).max(3_600_000).nullable() }).strict(),
    output: z.object({ requestTimeoutMs: z.number().int().positive() }),
  })),
  /** How long a start may wait for the server's answer to `initialize`; null is the default. */
  setStartTimeout: spec(() => ({
    input: ById.extend({ timeoutMs: z.number().int().min(1000).max(600_000).nullable() }).strict(),
    output: z.object({ startTimeoutMs: z.number().int().positive() }),
  })),
  getPreferences: spec(() => ({ input: NoInput, output: Preferences })),
  setPreferences: spec(() => ({ input: Preferences.partial().strict(), output: Preferences })),
  /** Writes a zip of logs and state with every secret redacted; answers where it is. */
  exportDiagnostics: spec(() => ({ input: NoInput, output: DiagnosticsExport })),
  /** Stops MCP Tray cleanly (`mcp-tray quit`): its servers, its socket, then the process. */
  quitApp: spec(() => ({
    input: NoInput,
    output: z.object({ stopping: z.literal(true), pid: z.number().int() }),
  })),
  /** Keychain items left behind by services that were removed (a reset, an older version). */
  listOrphanSecrets: spec(() => ({ input: NoInput, output: z.array(OrphanSecrets) })),
  /** Deletes the orphaned items of one former service id, or all of them. */
  removeOrphanSecrets: spec(() => ({
    input: z.object({ instanceId: z.string().min(1).max(200).optional() }).strict(),
    output: z.object({ removed: z.number().int().nonnegative() }),
  })),
  /** Searches the MCP registries (cached on disk; offline answers say so). */
  searchRegistry: spec(() => ({ input: SearchRegistry, output: RegistrySearchResult })),
  /** One registry entry with its install options, fields and the command each would run. */
  getRegistryEntry: spec(() => ({ input: GetRegistryEntry, output: RegistryEntryDetail })),
  /** Installs a registry entry pinned to an exact version; secrets go to the keychain only. */
  installFromRegistry: spec(() => ({ input: InstallFromRegistry, output: InstanceSummary })),
  /** The last update check's result (`checkUpdates` runs one). */
  listUpdates: spec(() => ({ input: NoInput, output: z.array(OutdatedInstance) })),
  /** "Check now": asks each registry instance's registry for its latest version. */
  checkUpdates: spec(() => ({ input: NoInput, output: z.array(OutdatedInstance) })),
  /** What an update would change (command, variables; tools after a trial start). Changes nothing. */
  planUpdate: spec(() => ({ input: UpdateTarget, output: UpdatePlan })),
  /** Applies an update the user confirmed; the previous version is kept for `rollbackUpdate`. */
  applyUpdate: spec(() => ({ input: ApplyUpdate, output: InstanceSummary })),
  /** Goes back to the version before the last update. */
  rollbackUpdate: spec(() => ({ input: ById, output: InstanceSummary })),
  getRegistrySettings: spec(() => ({ input: NoInput, output: RegistrySettings })),
  setRegistrySettings: spec(() => ({ input: SetRegistrySettings, output: RegistrySettings })),
  /** Tools new or changed since approval (and rejected ones), each with a word diff and warnings. */
  getToolReview: spec(() => ({ input: ById, output: ToolReview })),
  /** Approves tools (by name, optionally the exact version by hash, or all pending); clients see them. */
  approveTools: spec(() => ({ input: ToolDecision, output: ToolReview })),
  /** Rejects tools: they stay hidden and are not asked about again until they change. */
  rejectTools: spec(() => ({ input: ToolDecision, output: ToolReview })),
  /** The instance's sandbox profile, in data and in words, with what it blocked lately. */
  getPermissions: spec(() => ({ input: ById, output: PermissionsView })),
  /** Changes the profile (refusing bad paths in words) and restarts the server under it. */
  editPermissions: spec(() => ({ input: EditPermissions, output: PermissionsView })),
  ...profileRequests,
  /**
   * Gives a client a profile. Its open sessions re-list at once; its file is rewritten when it
   * has entries of ours (entries of a profile other than Everything carry the client's id).
   */
  setClientProfile: spec(() => ({
    input: ByClient.extend({ profile: ProfileName }).strict(),
    output: ClientInfo,
  })),
  /** One entry per service, or one combined entry; saved only (`applyClientConfig` writes it). */
  setClientEntryMode: spec(() => ({
    input: ByClient.extend({ mode: EntryMode }).strict(),
    output: ClientInfo,
  })),
} as const;

/** Core → UI events: name → payload schema. */
export const events = {
  instancesChanged: lazily(() => z.object({ instances: z.array(InstanceSummary) })),
  /** One instance changed state (every transition, with its reason). */
  instanceStateChanged: lazily(() => z.object({ id: z.string(), transition: StateTransition })),
  noticesChanged: lazily(() => z.object({ notices: z.array(AppNotice) })),
  /** A sign-in ended (the person is back from the browser); `message` says why it failed. */
  signInFinished: lazily(() => z.object({ id: z.string(), ok: z.boolean(), message: z.string().nullable() })),
  /** A tool call finished and was logged. */
  toolCallRecorded: lazily(() => z.object({ record: ToolCallRecord })),
  /** A client's file or selection changed (including drift: the client removed our entries). */
  clientsChanged: lazily(() => z.object({ clients: z.array(ClientInfo) })),
  /** An install link was opened: the Add flow should show this request for the user to confirm. */
  installRequested: lazily(() => z.object({ request: InstallRequest })),
  /** The user changed a preference (theme, launch at login…) in some window. */
  preferencesChanged: lazily(() => z.object({ preferences: Preferences })),
  /** An update check finished, or an update or rollback was applied: what is outdated now. */
  updatesAvailable: lazily(() => z.object({ outdated: z.array(OutdatedInstance) })),
  /**
   * The tools of an instance waiting for review changed: `pending` lists them (empty once
   * everything is decided). Clients do not see them until approved.
   */
  toolReviewChanged: lazily(() =>
    z.object({ id: z.string(), name: z.string(), pending: z.array(z.string()) }),
  ),
  /** Profiles were created, changed, renamed or deleted, or a client got another one. */
  profilesChanged: lazily(() => z.object({ profiles: z.array(ProfileInfo) })),
} as const;

type Requests = typeof requests;
type Events = typeof events;
export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<Requests[K]['output']>;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

// The zod-free names module lists exactly the requests and events defined here: each way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: [
  Same<RequestName, (typeof REQUEST_NAMES)[number]>,
  Same<EventName, (typeof EVENT_NAMES)[number]>,
] = [true, true];
void namesMatch;

export const requestNames: readonly RequestName[] = REQUEST_NAMES;
export const eventNames: readonly EventName[] = EVENT_NAMES;

/** Result envelope carried by both transports; errors keep their code and message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export const ApiErrorShape = lazily(() => z.object({ code: z.enum(ERROR_CODES), message: z.string() }));
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

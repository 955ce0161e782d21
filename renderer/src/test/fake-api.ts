import { vi } from 'vitest';
import type { TrayApi } from '../../../electron/shared/api';
import { ApiError } from '../../../electron/shared/api';
import { parseInstallLink } from '../../../electron/shared/deep-link';
import type {
  DiffHunk,
  EntryMode,
  ImportReview,
  ProfileInfo,
  PermissionsView,
  AccountInfo,
  AddBundleInstance,
  AddCatalogInstance,
  BundleInfo,
  AddCustomInstance,
  AddRemoteInstance,
  CatalogEntry,
  AppInfo,
  AppNotice,
  ClientApplied,
  ClientEntry,
  ClientId,
  ClientInfo,
  ClientPlan,
  InstallRequest,
  ClientTransport,
  HttpEndpointStatus,
  InstanceDetail,
  InstanceSummary,
  OrphanSecrets,
  Preferences,
  SignInStart,
  StateTransition,
  ToolCallOutcome,
  ToolCallPage,
  ToolCallQuery,
  ToolCallRecord,
  UiState,
  ToolCallResult,
  ToolSummary,
  ToolReview,
  ToolReviewItem,
  UpdateInstanceSettings,
  InstallFromRegistry,
  RegistrySettings,
  SearchRegistry,
  SetRegistrySettings,
} from '../../../electron/shared/contract';
import type { FakeRegistry } from './registry-fixtures';
import { searchFakeRegistry } from './registry-fixtures';
import type { ErrorCode } from '../../../electron/shared/error-codes';

export function makeAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'MCP Tray',
    version: '0.1.0',
    host: 'electron',
    platform: 'darwin',
    dataDir: '/Users/ada/Library/Application Support/MCP Tray',
    pid: 4242,
    startedAt: '2025-03-01T09:30:00.000Z',
    keychain: { available: true, detail: 'macOS Keychain' },
    notices: [],
    ...overrides,
  };
}

export function makeInstance(overrides: Partial<InstanceSummary> = {}): InstanceSummary {
  return {
    id: 'inst-1',
    name: 'GitHub',
    integrationId: 'github',
    enabled: true,
    state: 'running',
    stateReason: null,
    stateSince: new Date().toISOString(),
    pid: 1234,
    toolCount: 12,
    nextRetryAt: null,
    clients: [],
    sandbox: 'strict',
    blockedCount: 0,
    ...overrides,
  };
}

export function makeDetail(overrides: Partial<InstanceDetail> = {}): InstanceDetail {
  return {
    ...makeInstance(),
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-github'],
    envNames: [],
    secretEnvNames: [],
    history: [],
    tools: [],
    resourceCount: 0,
    promptCount: 0,
    serverInfo: null,
    stderrTail: [],
    stats: null,
    restarts: 0,
    garbageLines: 0,
    statsHistory: [],
    disabledTools: [],
    requestTimeoutMs: 60_000,
    requestTimeoutIsDefault: true,
    startTimeoutMs: 30_000,
    startTimeoutIsDefault: true,
    ...overrides,
  };
}

/** A tool as the detail lists it: on, with no arguments, unless overridden. */
export function makeTool(overrides: Partial<ToolSummary> & Pick<ToolSummary, 'name'>): ToolSummary {
  return {
    title: null,
    description: null,
    inputSchema: { type: 'object', properties: {} },
    enabled: true,
    destructive: false,
    ...overrides,
  };
}

/** App-wide preferences as a fresh install has them. */
export function makePreferences(overrides: Partial<Preferences> = {}): Preferences {
  return { theme: 'system', logRetentionDays: 30, driftPolicy: 'ask', launchAtLogin: false, ...overrides };
}

const CALL_EPOCH = Date.parse('2025-03-01T10:00:00.000Z');

export function makeToolCall(overrides: Partial<ToolCallRecord> = {}): ToolCallRecord {
  const id = overrides.id ?? 1;
  return {
    id,
    time: new Date(CALL_EPOCH + id * 1000).toISOString(),
    instanceId: 'notes',
    client: { name: 'Claude Desktop', version: '1.2.0' },
    source: 'client',
    tool: 'search_notes',
    arguments: { query: 'groceries' },
    durationMs: 120,
    outcome: 'ok',
    error: null,
    result: { contentTypes: ['text'], bytes: 42, preview: 'Found 2 notes.' },
    ...overrides,
  };
}

const CLIENT_NAMES: Record<ClientId, string> = {
  'claude-desktop': 'Claude Desktop',
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  windsurf: 'Windsurf',
  'gemini-cli': 'Gemini CLI',
  'lm-studio': 'LM Studio',
  zed: 'Zed',
  codex: 'Codex',
};

/** An entry of ours, as the core reports it (it starts the MCP Tray connector). */
export function makeOurEntry(instanceId: string): ClientEntry {
  return { name: instanceId, command: 'mcp-tray', args: ['connect', instanceId], envNames: [], instanceId };
}

/** A client with a readable file and nothing configured, unless the test says otherwise. */
export function makeClient(overrides: Partial<ClientInfo> & Pick<ClientInfo, 'id'>): ClientInfo {
  const name = CLIENT_NAMES[overrides.id];
  const configured = overrides.configured ?? [];
  return {
    name,
    installed: true,
    evidence: [{ kind: 'app-bundle', path: `/Applications/${name}.app` }],
    configPath: `/Users/ada/Library/Application Support/${name}/config.json`,
    reloadHint: `Restart ${name} to use the change.`,
    docs: [],
    selected: configured,
    configured,
    entries: configured.map(makeOurEntry),
    error: null,
    drift: [],
    ...overrides,
  };
}

const unreadable = (client: ClientInfo) =>
  new ApiError({
    code: 'config-unreadable',
    message: `MCP Tray will not change a file it cannot read: ${client.error ?? ''}`,
  });

/** A small diff of our entries, shaped like the core's: unified text and the same hunk. */
function clientDiff(
  file: string,
  before: readonly string[],
  after: readonly string[],
): { diff: string; hunks: DiffHunk[] } {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  if (removed.length === 0 && added.length === 0) return { diff: '', hunks: [] };
  const kept = before.filter((id) => after.includes(id));
  const entry = (id: string) => `    "${id}": { "command": "mcp-tray", "args": ["connect", "${id}"] },`;
  const lines = [
    ' {',
    '   "mcpServers": {',
    ...kept.map((id) => ` ${entry(id)}`),
    ...removed.map((id) => `-${entry(id)}`),
    ...added.map((id) => `+${entry(id)}`),
    '   }',
    ' }',
  ];
  const oldCount = lines.filter((line) => !line.startsWith('+')).length;
  const newCount = lines.filter((line) => !line.startsWith('-')).length;
  return {
    diff: [`--- ${file}`, `+++ ${file}`, `@@ -1,${oldCount} +1,${newCount} @@`, ...lines, ''].join('\n'),
    hunks: [{ oldStart: 1, oldLines: oldCount, newStart: 1, newLines: newCount, lines }],
  };
}

const SAMPLE_INSTANCES = ['notes', 'files', 'github'];
const SAMPLE_CLIENTS = [
  { name: 'Claude Desktop', version: '1.2.0' },
  { name: 'Cursor', version: '0.48.1' },
  { name: 'VS Code', version: null },
];
const SAMPLE_TOOLS = ['search_notes', 'read_file', 'list_issues', 'add_note'];
// Mostly fine, as in real life, with every other outcome turning up regularly.
const SAMPLE_OUTCOMES: ToolCallOutcome[] = [
  'ok',
  'ok',
  'ok',
  'tool-error',
  'ok',
  'timeout',
  'ok',
  'protocol-error',
  'ok',
  'cancelled',
];

/** `count` varied records with ids 1…count (so the newest is `count`), one second apart. */
export function makeToolCalls(
  count: number,
  overrides: (id: number) => Partial<ToolCallRecord> = () => ({}),
): ToolCallRecord[] {
  const records: ToolCallRecord[] = [];
  for (let id = 1; id <= count; id++) {
    const outcome = SAMPLE_OUTCOMES[id % SAMPLE_OUTCOMES.length]!;
    records.push(
      makeToolCall({
        id,
        instanceId: SAMPLE_INSTANCES[id % SAMPLE_INSTANCES.length]!,
        client: SAMPLE_CLIENTS[id % SAMPLE_CLIENTS.length]!,
        tool: SAMPLE_TOOLS[id % SAMPLE_TOOLS.length]!,
        arguments: { query: `term ${id}` },
        durationMs: (id * 37) % 2500,
        outcome,
        error: outcome === 'ok' ? null : `Failure ${id}`,
        result: outcome === 'ok' ? { contentTypes: ['text'], bytes: 20 + id, preview: `Result ${id}` } : null,
        ...overrides(id),
      }),
    );
  }
  return records;
}

const callText = (record: ToolCallRecord): string =>
  [
    record.tool,
    record.client.name,
    record.arguments === undefined ? '' : JSON.stringify(record.arguments),
    record.result?.preview ?? '',
    record.error ?? '',
  ]
    .join('\n')
    .toLowerCase();

/** What the core's query answers: filters, newest first, `beforeId` paging, the total of all matches. */
function queryCalls(all: readonly ToolCallRecord[], input: ToolCallQuery = {}): ToolCallPage {
  const { instanceId, tool, outcome, client, from, to, text, beforeId, limit = 200 } = input;
  const needle = text?.toLowerCase();
  const matching = all.filter(
    (r) =>
      (instanceId === undefined || r.instanceId === instanceId) &&
      (tool === undefined || r.tool === tool) &&
      (outcome === undefined || r.outcome === outcome) &&
      (client === undefined || r.client.name === client) &&
      (from === undefined || Date.parse(r.time) >= Date.parse(from)) &&
      (to === undefined || Date.parse(r.time) <= Date.parse(to)) &&
      (!needle || callText(r).includes(needle)),
  );
  const older = beforeId === undefined ? matching : matching.filter((r) => r.id < beforeId);
  return { records: older.slice(0, limit), total: matching.length, hasMore: older.length > limit };
}

/** A detail for a summary the test listed, so list and detail agree unless the test says otherwise. */
const detailOf = (summary: InstanceSummary): InstanceDetail => makeDetail({ ...summary });
const summaryOf = ({
  id,
  name,
  integrationId,
  enabled,
  state,
  stateReason,
  stateSince,
  pid,
  toolCount,
  nextRetryAt,
  clients,
  toolsToReview,
  sandbox,
  blockedCount,
  source,
  version,
}: InstanceSummary): InstanceSummary => ({
  ...(toolsToReview !== undefined ? { toolsToReview } : {}),
  ...(source !== undefined ? { source } : {}),
  ...(version !== undefined ? { version } : {}),
  id,
  name,
  integrationId,
  enabled,
  state,
  stateReason,
  stateSince,
  pid,
  toolCount,
  nextRetryAt,
  clients,
  sandbox,
  blockedCount,
});

/** A strict profile of a built-in integration, as the Permissions tab shows it. */
export function makePermissions(overrides: Partial<PermissionsView> = {}): PermissionsView {
  return {
    instanceId: 'inst-1',
    profile: { level: 'strict', allowRead: [], allowWrite: [], allowNet: ['api.github.com'] },
    sandbox: 'strict',
    unavailable: null,
    summary: [
      'Can read your files except secret stores (SSH and cloud keys, browser profiles, password managers and keyrings), other AI clients’ settings and MCP Tray’s data.',
      'Can write only to its own folder (~/Library/Application Support/MCP Tray/instances/inst-1) and the temporary folder.',
      'Can reach only api.github.com on the network.',
    ],
    blockedCount: 0,
    recentBlocked: [],
    deniedRead: ['/Users/ada/.ssh', '/Users/ada/.aws'],
    writable: ['/Users/ada/Library/Application Support/MCP Tray/instances/inst-1', '/tmp'],
    ...overrides,
  };
}

/** An account of an integration that signs in with OAuth in the browser, signed out by default. */
export function makeAccount(overrides: Partial<AccountInfo> = {}): AccountInfo {
  return {
    method: 'oauth',
    signedIn: false,
    label: null,
    scopes: [],
    expiresAt: null,
    pending: false,
    manual: false,
    needsClientId: false,
    clientId: 'mcp-tray',
    clientSetup: null,
    manualToken: null,
    ...overrides,
  };
}

/** A catalog entry: a built-in integration that signs in with OAuth, unless overridden. */
export function makeCatalogEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'github',
    name: 'GitHub',
    description: 'Repositories, issues and pull requests.',
    category: 'built-in',
    icon: null,
    homepage: null,
    author: 'MCP Tray',
    auth: 'device',
    runtimes: [{ name: 'node', found: true, hint: null }],
    fields: [],
    clientSetup: null,
    manualToken: null,
    needsOwnClient: false,
    launch: { command: 'node', args: ['server.mjs'], envNames: ['GITHUB_TOKEN'] },
    ...overrides,
  };
}

const SIGNED_OUT: Pick<AccountInfo, 'signedIn' | 'label' | 'scopes' | 'expiresAt' | 'pending'> = {
  signedIn: false,
  label: null,
  scopes: [],
  expiresAt: null,
  pending: false,
};

/** What `startSignIn` answers for a method: the provider's page, or a code to type there. */
function makeSignInStart(id: string, method: AccountInfo['method']): SignInStart {
  if (method === 'oauth') {
    return {
      kind: 'browser',
      url: `https://github.com/login/oauth/authorize?client_id=mcp-tray&state=${encodeURIComponent(id)}`,
    };
  }
  return {
    kind: 'device',
    userCode: 'WDJB-MJHT',
    verificationUri: 'https://github.com/login/device',
    verificationUriComplete: null,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  };
}

/** A sign-in the fake is running: what it started with, and who waits for its end. */
interface FakeSignIn {
  start: SignInStart;
  waiters: { resolve: (account: AccountInfo) => void; reject: (error: unknown) => void }[];
}

const notFound = (id: string) =>
  new ApiError({ code: 'not-found', message: `There is no service called "${id}".` });

interface FakeInit {
  instances?: InstanceSummary[];
  /** Details by id; an instance listed without one gets a default detail built from its summary. */
  details?: InstanceDetail[];
  appInfo?: AppInfo;
  /** The tool-call log, in any order. */
  toolCalls?: ToolCallRecord[];
  /** The AI clients, in the core's order. */
  clients?: ClientInfo[];
  /** What the catalog offers. */
  catalog?: CatalogEntry[];
  /** What `inspectBundle` answers, by file name (any other file is "not a bundle"). */
  bundles?: Record<string, BundleInfo>;
  /** Most tests are about someone who has used the app before: the welcome is dismissed. */
  uiState?: UiState;
  preferences?: Preferences;
  /** Keychain items of removed services (Settings → Left in the keychain). */
  orphanSecrets?: OrphanSecrets[];
  /** What `callTool` answers (by default it echoes the arguments as text). */
  callTool?: (tool: string, args: Record<string, unknown>) => ToolCallResult | Promise<ToolCallResult>;
  /** Tool reviews by instance id (an instance without one has nothing to review). */
  toolReviews?: ToolReview[];
  /** The MCP registry: entries (search answers their latest), details, updates (empty by default). */
  registry?: Partial<FakeRegistry>;
}

/**
 * A plain `TrayApi` whose requests are spies over a small in-memory store and whose events the
 * test fires by hand (requests never emit events on their own, so each test decides what the
 * core announces).
 */
export function createFakeApi(init: FakeInit = {}) {
  const registry: FakeRegistry = {
    details: [],
    outdated: [],
    plans: [],
    offline: false,
    fetchedAt: null,
    notice: null,
    ...init.registry,
  };
  let registrySettings: RegistrySettings = {
    registries: [{ url: 'https://registry.modelcontextprotocol.io', name: 'Official MCP Registry' }],
    overriddenBy: null,
    updateCheckHours: 24,
  };
  let instances = [...(init.instances ?? [])];
  const details = new Map((init.details ?? []).map((detail) => [detail.id, detail]));
  for (const detail of details.values()) {
    if (!instances.some((i) => i.id === detail.id)) instances.push(summaryOf(detail));
  }
  const findDetail = (id: string): InstanceDetail | undefined => {
    const summary = instances.find((i) => i.id === id);
    if (!summary) return undefined;
    return details.get(id) ?? detailOf(summary);
  };
  const update = (id: string, change: Partial<InstanceDetail>): InstanceSummary => {
    const current = findDetail(id);
    if (!current) throw notFound(id);
    const next = { ...current, ...change };
    details.set(id, next);
    instances = instances.map((i) => (i.id === id ? summaryOf(next) : i));
    return summaryOf(next);
  };

  // Newest first, like the core keeps it.
  let toolCalls = [...(init.toolCalls ?? [])].sort((a, b) => b.id - a.id);
  const addToolCalls = (records: readonly ToolCallRecord[]) => {
    const ids = new Set(records.map((r) => r.id));
    toolCalls = [...records, ...toolCalls.filter((r) => !ids.has(r.id))].sort((a, b) => b.id - a.id);
  };
  const callListeners = new Set<(payload: { record: ToolCallRecord }) => void>();

  // One sign-in per instance, like the core: starting again returns the running one.
  const signIns = new Map<string, FakeSignIn>();
  const accountOf = (id: string): { detail: InstanceDetail; account: AccountInfo } => {
    const detail = findDetail(id);
    if (!detail) throw notFound(id);
    if (!detail.account) {
      throw new ApiError({ code: 'no-sign-in', message: `${detail.name} does not need a sign-in.` });
    }
    return { detail, account: detail.account };
  };
  const setAccount = (id: string, change: Partial<AccountInfo>, rest: Partial<InstanceDetail> = {}) => {
    const { account } = accountOf(id);
    const next = { ...account, ...change };
    update(id, { ...rest, account: next });
    return next;
  };
  /** Ends the running sign-in of `id` (if any) and tells everyone waiting for it. */
  const endSignIn = (id: string, end: (waiter: FakeSignIn['waiters'][number]) => void): boolean => {
    const running = signIns.get(id);
    if (!running) return false;
    signIns.delete(id);
    for (const waiter of running.waiters) end(waiter);
    return true;
  };

  const instanceListeners = new Set<(payload: { instances: InstanceSummary[] }) => void>();
  const stateListeners = new Set<(payload: { id: string; transition: StateTransition }) => void>();
  const noticeListeners = new Set<(payload: { notices: AppNotice[] }) => void>();

  let clients = [...(init.clients ?? [])];
  let profiles: ProfileInfo[] = [
    { name: 'Everything', builtIn: true, services: [], missing: [], clients: [] },
  ];
  const profileListeners = new Set<(payload: { profiles: ProfileInfo[] }) => void>();
  const publishProfiles = () => profileListeners.forEach((l) => l({ profiles }));
  const profileNamed = (name: string) => {
    const found = profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!found) throw notFound(name);
    return found;
  };
  const clientWith = (id: string, change: Partial<ClientInfo>) => {
    clients = clients.map((c) => (c.id === id ? { ...c, ...change } : c));
    return clients.find((c) => c.id === id)!;
  };
  const catalog = [...(init.catalog ?? [makeCatalogEntry()])];
  let backups = 0;
  const clientListeners = new Set<(payload: { clients: ClientInfo[] }) => void>();
  const installListeners = new Set<(payload: { request: InstallRequest }) => void>();
  const findClient = (id: ClientId): ClientInfo => {
    const client = clients.find((c) => c.id === id);
    if (!client) throw new ApiError({ code: 'not-found', message: `There is no client called "${id}".` });
    return client;
  };
  const replaceClient = (next: ClientInfo): ClientInfo => {
    clients = clients.map((c) => (c.id === next.id ? next : c));
    return next;
  };
  /** Where the client can be written, or why not (like the core's checks before planning). */
  const writable = (client: ClientInfo): string => {
    if (client.error) throw unreadable(client);
    if (!client.configPath) {
      throw new ApiError({ code: 'unsupported', message: `${client.name} is not available on this system.` });
    }
    return client.configPath;
  };
  /** What the file would hold after writing: the selection, limited to instances that exist. */
  const wanted = (client: ClientInfo): string[] =>
    client.selected.filter((id) => instances.some((i) => i.id === id));
  const planFor = (id: ClientId): ClientPlan => {
    const client = findClient(id);
    const file = writable(client);
    const { diff, hunks } = clientDiff(file, client.configured, wanted(client));
    return { client: id, file, diff, hunks, changed: diff !== '' };
  };
  const applyTo = (id: ClientId): ClientApplied => {
    const plan = planFor(id);
    const client = findClient(id);
    const configured = wanted(client);
    replaceClient({
      ...client,
      configured,
      entries: [...client.entries.filter((e) => e.instanceId === null), ...configured.map(makeOurEntry)],
      drift: [],
    });
    backups += 1;
    return {
      ...plan,
      backup: plan.changed ? `${plan.file}.mcp-tray-backup-${backups}` : null,
      reloadHint: client.reloadHint,
    };
  };

  // The HTTP endpoint, off like a fresh install; its token exists once it was turned on.
  let http: HttpEndpointStatus = {
    enabled: false,
    running: false,
    port: 7712,
    baseUrl: 'http://127.0.0.1:7712/mcp/',
    error: null,
  };
  let httpToken: string | null = null;
  const bundles = new Map(
    Object.entries(init.bundles ?? {}).map(([file, info]) => [info.token, { file, info }]),
  );
  let uiState: UiState = init.uiState ?? { welcomeDismissed: true };
  const addInstance = (id: string, name: string, integrationId: string): InstanceSummary => {
    if (findDetail(id)) {
      throw new ApiError({ code: 'exists', message: `There is already a service called "${id}".` });
    }
    const summary = makeInstance({ id, name, integrationId, state: 'starting', pid: null, toolCount: 0 });
    instances = [...instances, summary];
    details.set(id, makeDetail({ ...summary }));
    return summary;
  };
  const reviews = new Map((init.toolReviews ?? []).map((review) => [review.id, review]));
  const reviewOf = (id: string): ToolReview => {
    const detail = findDetail(id);
    if (!detail) throw notFound(id);
    return reviews.get(id) ?? { id, name: detail.name, items: [], pending: 0, approved: 0, listed: true };
  };
  /** Like the core: the chosen items leave the review (approved) or become rejected. */
  const decide = (
    input: { id: string; tools?: { name: string; hash?: string }[]; all?: boolean },
    approve: boolean,
  ): ToolReview => {
    const review = reviewOf(input.id);
    const chosen = input.all
      ? review.items.filter((i) => i.status === 'pending').map((i) => i.name)
      : (input.tools ?? []).map((t) => t.name);
    const items: ToolReviewItem[] = review.items
      .filter((i) => !(approve && chosen.includes(i.name)))
      .map((i) => (!approve && chosen.includes(i.name) ? { ...i, status: 'rejected' as const } : i));
    const pending = items.filter((i) => i.status === 'pending').length;
    const next = { ...review, items, pending, approved: review.approved + (approve ? chosen.length : 0) };
    reviews.set(input.id, next);
    if (findDetail(input.id)) update(input.id, { toolsToReview: pending });
    return next;
  };
  let preferences = init.preferences ?? makePreferences();
  let orphanSecrets = init.orphanSecrets ?? [];
  const preferenceListeners = new Set<(payload: { preferences: Preferences }) => void>();

  const api = {
    getAppInfo: vi.fn(async () => init.appInfo ?? makeAppInfo()),
    listInstances: vi.fn(async () => instances),
    getInstance: vi.fn(async ({ id }: { id: string }) => {
      const detail = findDetail(id);
      if (!detail) throw notFound(id);
      return detail;
    }),
    addCustomInstance: vi.fn(async (input: AddCustomInstance) => {
      if (instances.some((i) => i.id === input.id)) {
        throw new ApiError({ code: 'exists', message: `There is already a service called "${input.id}".` });
      }
      const summary = makeInstance({
        id: input.id,
        name: input.name ?? input.id,
        integrationId: 'custom',
        state: 'starting',
        pid: null,
        toolCount: 0,
      });
      instances = [...instances, summary];
      details.set(input.id, makeDetail({ ...summary, command: input.command, args: input.args ?? [] }));
      return summary;
    }),
    addRemoteInstance: vi.fn(async (input: AddRemoteInstance) => {
      // Like the core: the id defaults to a name from the address (`mcp.linear.app` → `linear`).
      const id = input.id ?? new URL(input.url).hostname.split('.').slice(-2, -1)[0] ?? 'remote';
      if (instances.some((i) => i.id === id)) {
        throw new ApiError({ code: 'exists', message: `There is already a service called "${id}".` });
      }
      const summary = makeInstance({
        id,
        name: input.name ?? id,
        integrationId: 'remote',
        state: 'starting',
        pid: null,
        toolCount: 0,
      });
      instances = [...instances, summary];
      details.set(id, makeDetail({ ...summary, command: input.url, args: [], url: input.url }));
      return summary;
    }),
    removeInstance: vi.fn(async ({ id }: { id: string }) => {
      if (!findDetail(id)) throw notFound(id);
      instances = instances.filter((i) => i.id !== id);
      details.delete(id);
      return { removed: true as const };
    }),
    restartInstance: vi.fn(async ({ id }: { id: string }) =>
      update(id, { state: 'starting', stateReason: null, stateSince: new Date().toISOString() }),
    ),
    setInstanceEnabled: vi.fn(async ({ id, enabled }: { id: string; enabled: boolean }) =>
      update(id, { enabled, state: enabled ? 'starting' : 'disabled', stateSince: new Date().toISOString() }),
    ),
    queryToolCalls: vi.fn(async (input?: ToolCallQuery) => queryCalls(toolCalls, input)),
    startSignIn: vi.fn(async ({ id }: { id: string; openBrowser?: boolean }): Promise<SignInStart> => {
      const running = signIns.get(id);
      if (running) return running.start;
      const { account } = accountOf(id);
      const start = makeSignInStart(id, account.method);
      signIns.set(id, { start, waiters: [] });
      setAccount(id, { pending: true });
      return start;
    }),
    waitSignIn: vi.fn(({ id }: { id: string }): Promise<AccountInfo> => {
      const running = signIns.get(id);
      // Nothing running: the core answers with the account as it is.
      if (!running) return Promise.resolve().then(() => accountOf(id).account);
      return new Promise<AccountInfo>((resolve, reject) => running.waiters.push({ resolve, reject }));
    }),
    cancelSignIn: vi.fn(async ({ id }: { id: string }) => {
      const cancelled = endSignIn(id, ({ reject }) =>
        reject(new ApiError({ code: 'sign-in-cancelled', message: 'Sign-in was cancelled.' })),
      );
      if (cancelled) setAccount(id, { pending: false });
      return { cancelled };
    }),
    signOut: vi.fn(async ({ id }: { id: string }): Promise<AccountInfo> => {
      const { detail } = accountOf(id);
      return setAccount(id, SIGNED_OUT, {
        state: 'needs-auth',
        stateReason: `Signed out. Sign in to use ${detail.name} again.`,
        stateSince: new Date().toISOString(),
        pid: null,
      });
    }),
    setOAuthClient: vi.fn(async ({ id, clientId }: { id: string; clientId: string; clientSecret?: string }) =>
      setAccount(id, { clientId, needsClientId: false }),
    ),
    signInWithToken: vi.fn(async ({ id }: { id: string; token: string }) =>
      setAccount(
        id,
        { signedIn: true, manual: true, label: 'token', pending: false },
        { state: 'starting', stateReason: null, stateSince: new Date().toISOString() },
      ),
    ),
    /** Like the core: settings merged, secret names remembered (never their values), a restart. */
    updateInstanceSettings: vi.fn(async ({ id, userConfig = {}, secrets = {} }: UpdateInstanceSettings) => {
      const current = findDetail(id);
      if (!current) throw notFound(id);
      return update(id, {
        userConfig: { ...current.userConfig, ...userConfig },
        secretFields: [...new Set([...(current.secretFields ?? []), ...Object.keys(secrets)])],
        state: 'starting',
        stateReason: null,
        stateSince: new Date().toISOString(),
      });
    }),
    listCatalog: vi.fn(async () => catalog),
    /** Like the core: the catalog's entry, or a bundle's own (the bundles this fake has opened). */
    getInstanceIntegration: vi.fn(async ({ id }: { id: string }) => {
      const detail = findDetail(id);
      if (!detail) throw notFound(id);
      const opened = [...bundles.values()].map((b) => b.info.entry);
      return [...catalog, ...opened].find((e) => e.id === detail.integrationId && !detail.url) ?? null;
    }),
    addCatalogInstance: vi.fn(async (input: AddCatalogInstance) => {
      const entry = catalog.find((e) => e.id === input.integrationId);
      if (!entry) throw notFound(input.integrationId);
      const id = input.id ?? entry.id;
      if (findDetail(id)) {
        throw new ApiError({ code: 'exists', message: `There is already a service called "${id}".` });
      }
      const signs = entry.auth === 'oauth' || entry.auth === 'device';
      const summary = makeInstance({
        id,
        name: input.name ?? entry.name,
        integrationId: entry.id,
        // Like the core: an integration that signs in waits for it instead of starting.
        state: signs ? 'needs-auth' : 'starting',
        pid: null,
        toolCount: 0,
      });
      instances = [...instances, summary];
      const account = signs
        ? makeAccount({
            method: entry.auth === 'device' ? 'device' : 'oauth',
            needsClientId: entry.needsOwnClient,
            clientId: entry.needsOwnClient ? null : 'mcp-tray',
            clientSetup: entry.clientSetup,
            manualToken: entry.manualToken,
          })
        : undefined;
      details.set(id, makeDetail({ ...summary, ...(account ? { account } : {}) }));
      return summary;
    }),
    inspectBundle: vi.fn(async ({ fileName }: { fileName: string; dataBase64: string }) => {
      const found = [...bundles.values()].find((b) => b.file === fileName);
      if (!found) {
        throw new ApiError({
          code: 'bad-bundle',
          message: 'This is not a bundle MCP Tray can open: it is not a zip file.',
        });
      }
      return found.info;
    }),
    addBundleInstance: vi.fn(async (input: AddBundleInstance) => {
      const staged = bundles.get(input.token);
      if (!staged) {
        throw new ApiError({
          code: 'bundle-expired',
          message: 'The bundle is no longer open. Choose the file again.',
        });
      }
      const { entry } = staged.info;
      const base = entry.id.replace(/^mcpb:/, '');
      return addInstance(input.id ?? base, input.name ?? entry.name, entry.id);
    }),
    getUiState: vi.fn(async () => uiState),
    setUiFlag: vi.fn(async ({ flag, value }: { flag: keyof UiState; value: boolean }) => {
      uiState = { ...uiState, [flag]: value };
      return uiState;
    }),
    listClients: vi.fn(async () => clients),
    setClientSelection: vi.fn(
      async ({ client, instances: ids }: { client: ClientId; instances: string[] }) => {
        const unknown = ids.find((id) => !instances.some((i) => i.id === id));
        if (unknown) throw notFound(unknown);
        return replaceClient({ ...findClient(client), selected: [...new Set(ids)] });
      },
    ),
    planClientConfig: vi.fn(async ({ client }: { client: ClientId }) => planFor(client)),
    applyClientConfig: vi.fn(async ({ client }: { client: ClientId }) => applyTo(client)),
    restartClient: vi.fn(async ({ client }: { client: ClientId }) =>
      client === 'claude-desktop'
        ? { restarted: true, message: 'Claude Desktop was restarted and has read the new settings.' }
        : { restarted: false, message: 'Quit it and open it again.' },
    ),
    importClientServers: vi.fn(async ({ client: id, names }: { client: ClientId; names: string[] }) => {
      const client = findClient(id);
      writable(client);
      const imported: InstanceSummary[] = [];
      for (const name of names) {
        const entry = client.entries.find((e) => e.name === name && e.instanceId === null);
        if (!entry) {
          throw new ApiError({
            code: 'not-found',
            message: `${client.name} has no server called "${name}".`,
          });
        }
        const summary = makeInstance({
          id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          name,
          integrationId: 'custom',
          state: 'starting',
          pid: null,
          toolCount: 0,
        });
        instances = [...instances, summary];
        details.set(summary.id, makeDetail({ ...summary, command: entry.command, args: entry.args }));
        imported.push(summary);
      }
      replaceClient({
        ...client,
        selected: [...new Set([...client.selected, ...imported.map((i) => i.id)])],
        entries: client.entries.filter((e) => !names.includes(e.name)),
      });
      return { imported, applied: applyTo(id) };
    }),
    /** Like the core: parses the link with the real parser and announces the request. */
    openInstallLink: vi.fn(async ({ url }: { url: string }) => {
      const parsed = parseInstallLink(url);
      if (!parsed.ok) throw new ApiError({ code: 'invalid-link', message: parsed.reason });
      for (const listener of [...installListeners]) listener({ request: parsed.request });
      return { request: parsed.request };
    }),
    setClientTransport: vi.fn(
      async ({ client: id, transport }: { client: ClientId; transport: ClientTransport }) => {
        const client = findClient(id);
        if (transport === 'http' && client.supportsHttp === false) {
          throw new ApiError({
            code: 'unsupported',
            message: `${client.name} cannot reach MCP Tray over HTTP; it keeps using the connector (stdio).`,
          });
        }
        return replaceClient({ ...client, transport });
      },
    ),
    getHttpEndpoint: vi.fn(async (input?: { showToken?: boolean }) =>
      input?.showToken && httpToken ? { ...http, token: httpToken } : http,
    ),
    setHttpEndpointEnabled: vi.fn(async ({ enabled }: { enabled: boolean }) => {
      if (enabled) httpToken ??= 'fake-http-token';
      http = { ...http, enabled, running: enabled, error: null };
      return http;
    }),
    callTool: vi.fn(
      async ({
        id,
        tool,
        arguments: args = {},
      }: {
        id: string;
        tool: string;
        arguments?: Record<string, unknown>;
      }) => {
        if (!findDetail(id)) throw notFound(id);
        if (init.callTool) return init.callTool(tool, args);
        return {
          isError: false,
          content: [{ kind: 'text' as const, text: JSON.stringify(args), truncated: false }],
          structured: null,
          durationMs: 12,
        };
      },
    ),
    setToolEnabled: vi.fn(async ({ id, tool, enabled }: { id: string; tool: string; enabled: boolean }) => {
      const detail = findDetail(id);
      if (!detail) throw notFound(id);
      const others = detail.disabledTools.filter((name) => name !== tool);
      const disabledTools = enabled ? others : [...others, tool];
      update(id, {
        disabledTools,
        tools: detail.tools.map((t) => ({ ...t, enabled: !disabledTools.includes(t.name) })),
      });
      return { disabledTools };
    }),
    setRequestTimeout: vi.fn(async ({ id, timeoutMs }: { id: string; timeoutMs: number | null }) => {
      const requestTimeoutMs = timeoutMs ?? 60_000;
      update(id, { requestTimeoutMs, requestTimeoutIsDefault: timeoutMs === null });
      return { requestTimeoutMs };
    }),
    setStartTimeout: vi.fn(async ({ id, timeoutMs }: { id: string; timeoutMs: number | null }) => {
      const startTimeoutMs = timeoutMs ?? 30_000;
      update(id, { startTimeoutMs, startTimeoutIsDefault: timeoutMs === null });
      return { startTimeoutMs };
    }),
    getPreferences: vi.fn(async () => preferences),
    setPreferences: vi.fn(async (change: Partial<Preferences> = {}) => {
      preferences = { ...preferences, ...change };
      return preferences;
    }),
    quitApp: vi.fn(async () => ({ stopping: true as const, pid: 4242 })),
    exportDiagnostics: vi.fn(async () => ({
      path: '/Users/ada/Downloads/mcp-tray-diagnostics-2025-03-01T10-00-00Z.zip',
      bytes: 48_213,
      files: ['README.txt', 'app-info.json', 'settings.json', 'logs/core.log', 'tool-calls.jsonl'],
    })),
    listOrphanSecrets: vi.fn(async () => orphanSecrets),
    removeOrphanSecrets: vi.fn(async ({ instanceId }: { instanceId?: string } = {}) => {
      const before = orphanSecrets.length;
      orphanSecrets = orphanSecrets.filter((o) => instanceId !== undefined && o.instanceId !== instanceId);
      return { removed: before - orphanSecrets.length };
    }),
    getToolReview: vi.fn(async ({ id }: { id: string }) => reviewOf(id)),
    approveTools: vi.fn(
      async (input: { id: string; tools?: { name: string; hash?: string }[]; all?: boolean }) =>
        decide(input, true),
    ),
    rejectTools: vi.fn(
      async (input: { id: string; tools?: { name: string; hash?: string }[]; all?: boolean }) =>
        decide(input, false),
    ),
    onToolReviewChanged: () => () => undefined,
    getPermissions: vi.fn(async ({ id }: { id: string }) => makePermissions({ instanceId: id })),
    editPermissions: vi.fn(async ({ id }: { id: string }) => makePermissions({ instanceId: id })),
    onPreferencesChanged: (listener) => {
      preferenceListeners.add(listener);
      return () => preferenceListeners.delete(listener);
    },
    onClientsChanged: (listener) => {
      clientListeners.add(listener);
      return () => clientListeners.delete(listener);
    },
    onToolCallRecorded: (listener) => {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    onInstancesChanged: (listener) => {
      instanceListeners.add(listener);
      return () => instanceListeners.delete(listener);
    },
    onInstanceStateChanged: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onNoticesChanged: (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    onSignInFinished: () => () => undefined,
    searchRegistry: vi.fn(async (input: SearchRegistry = {}) => searchFakeRegistry(registry, input)),
    getRegistryEntry: vi.fn(async ({ name }: { name: string }) => {
      const entry = registry.details.find((e) => e.name === name);
      if (!entry) throw notFound(name);
      return entry;
    }),
    installFromRegistry: vi.fn(async (input: InstallFromRegistry) => {
      const entry = registry.details.find((e) => e.name === input.name);
      if (!entry) throw notFound(input.name);
      const summary = makeInstance({
        id: input.id ?? entry.name.split('/').pop()!.toLowerCase(),
        name: input.displayName ?? entry.title ?? entry.name,
        integrationId: entry.name,
        state: 'starting',
        source: 'registry',
        version: entry.version,
      });
      instances = [...instances, summary];
      return summary;
    }),
    listUpdates: vi.fn(async () => registry.outdated),
    checkUpdates: vi.fn(async () => registry.outdated),
    planUpdate: vi.fn(async ({ id }: { id: string }) => {
      const plan = registry.plans.find((p) => p.id === id);
      if (!plan) throw notFound(id);
      return plan;
    }),
    applyUpdate: vi.fn(async ({ id }: { id: string }) => {
      const plan = registry.plans.find((p) => p.id === id);
      if (!plan) throw notFound(id);
      registry.outdated = registry.outdated.filter((o) => o.id !== id);
      const pin = findDetail(id)?.registry;
      const moved = pin ? { ...pin, version: plan.to, previousVersion: plan.from } : undefined;
      return update(id, { version: plan.to, ...(moved ? { registry: moved } : {}) });
    }),
    rollbackUpdate: vi.fn(async ({ id }: { id: string }) => {
      const plan = registry.plans.find((p) => p.id === id);
      if (!plan) throw notFound(id);
      const pin = findDetail(id)?.registry;
      const back = pin ? { ...pin, version: plan.from, previousVersion: null } : undefined;
      return update(id, { version: plan.from, ...(back ? { registry: back } : {}) });
    }),
    getRegistrySettings: vi.fn(async () => registrySettings),
    setRegistrySettings: vi.fn(async (change: SetRegistrySettings = {}) => {
      registrySettings = { ...registrySettings, ...change };
      return registrySettings;
    }),
    onUpdatesAvailable: () => () => undefined,
    listProfiles: vi.fn(async () => profiles),
    createProfile: vi.fn(async ({ name }: { name: string }) => {
      const made: ProfileInfo = { name, builtIn: false, services: [], missing: [], clients: [] };
      profiles = [...profiles, made];
      publishProfiles();
      return made;
    }),
    deleteProfile: vi.fn(async ({ name }: { name: string }) => {
      profiles = profiles.filter((p) => p !== profileNamed(name));
      publishProfiles();
      return profiles;
    }),
    renameProfile: vi.fn(async ({ name, to }: { name: string; to: string }) => {
      const renamed = { ...profileNamed(name), name: to };
      profiles = profiles.map((p) => (p.name === name ? renamed : p));
      publishProfiles();
      return renamed;
    }),
    editProfile: vi.fn(
      async (input: {
        name: string;
        add?: { instance: string; tools?: string[] | null }[];
        remove?: { instance: string; tools?: string[] | null }[];
      }) => {
        const profile = profileNamed(input.name);
        const services = new Map(profile.services.map((s) => [s.instance, s]));
        for (const add of input.add ?? []) {
          const name = instances.find((i) => i.id === add.instance)?.name ?? null;
          services.set(add.instance, { instance: add.instance, name, tools: add.tools ?? null });
        }
        for (const cut of input.remove ?? []) services.delete(cut.instance);
        const edited = { ...profile, services: [...services.values()] };
        profiles = profiles.map((p) => (p === profile ? edited : p));
        publishProfiles();
        return edited;
      },
    ),
    setClientProfile: vi.fn(async ({ client, profile }: { client: string; profile: string }) =>
      clientWith(client, { profile }),
    ),
    setClientEntryMode: vi.fn(async ({ client, mode }: { client: string; mode: EntryMode }) =>
      clientWith(client, { entryMode: mode, entryModeChosen: true }),
    ),
    exportSetup: vi.fn(async () => ({ text: '{"mcpTraySetup":1}\n' })),
    planImport: vi.fn(async (): Promise<ImportReview> => ({
      services: [],
      profiles: [],
      clients: [],
      notes: [],
    })),
    applyImport: vi.fn(async (): Promise<{ added: string[]; review: ImportReview }> => ({
      added: [],
      review: { services: [], profiles: [], clients: [], notes: [] },
    })),
    onProfilesChanged: (listener) => {
      profileListeners.add(listener);
      return () => profileListeners.delete(listener);
    },
    onInstallRequested: (listener) => {
      installListeners.add(listener);
      return () => installListeners.delete(listener);
    },
  } satisfies TrayApi;
  return {
    api,
    /** Replaces what `getInstance` answers for one id from now on. */
    setDetail: (detail: InstanceDetail) => {
      details.set(detail.id, detail);
      const summary = summaryOf(detail);
      instances = instances.some((i) => i.id === detail.id)
        ? instances.map((i) => (i.id === detail.id ? summary : i))
        : [...instances, summary];
    },
    emitInstances: (next: InstanceSummary[]) => {
      for (const listener of [...instanceListeners]) listener({ instances: next });
    },
    emitInstanceState: (
      id: string,
      transition: Partial<StateTransition> & Pick<StateTransition, 'state'>,
    ) => {
      const payload = { id, transition: { reason: null, at: new Date().toISOString(), ...transition } };
      for (const listener of [...stateListeners]) listener(payload);
    },
    /** Announces preferences changed elsewhere (another window); the fake keeps them. */
    emitPreferences: (next: Preferences) => {
      preferences = next;
      for (const listener of [...preferenceListeners]) listener({ preferences: next });
    },
    emitNotices: (notices: AppNotice[]) => {
      for (const listener of [...noticeListeners]) listener({ notices });
    },
    /** An install link was opened (by the OS or `mcp-tray open`): the Add flow should show it. */
    emitInstallRequested: (request: InstallRequest) => {
      for (const listener of [...installListeners]) listener({ request });
    },
    /** Records a call, as the core does when one finishes: stored for queries, then announced. */
    emitToolCall: (record: ToolCallRecord) => {
      addToolCalls([record]);
      for (const listener of [...callListeners]) listener({ record });
    },
    /** Stores calls without announcing them (e.g. recorded while the UI was disconnected). */
    addToolCalls,
    /** Replaces the clients the fake knows (without announcing it; see `emitClients`). */
    setClients: (next: ClientInfo[]) => {
      clients = [...next];
    },
    /** The clients as the fake holds them now (after selections, applies and imports). */
    clients: () => clients,
    /**
     * Announces the clients, as the core does after a write or when a client changes its file;
     * by default what the fake holds now, or `next`, which it then keeps.
     */
    emitClients: (next?: ClientInfo[]) => {
      if (next) clients = [...next];
      for (const listener of [...clientListeners]) listener({ clients });
    },
    /**
     * The user approved the running sign-in of `id` at the provider: the account is signed in,
     * the instance starts, and every `waitSignIn` resolves with the account.
     */
    finishSignIn: (
      id: string,
      label = 'ada@example.com',
      change: Partial<Pick<AccountInfo, 'scopes' | 'expiresAt'>> = {},
    ): AccountInfo => {
      const account = setAccount(
        id,
        {
          signedIn: true,
          label,
          expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
          ...change,
          pending: false,
        },
        { state: 'starting', stateReason: null, stateSince: new Date().toISOString() },
      );
      endSignIn(id, ({ resolve }) => resolve(account));
      return account;
    },
    /** The running sign-in of `id` failed (denied, timed out…): every `waitSignIn` rejects with `message`. */
    failSignIn: (id: string, message: string, code: ErrorCode = 'sign-in-failed') => {
      setAccount(id, { pending: false });
      endSignIn(id, ({ reject }) => reject(new ApiError({ code, message })));
    },
    /** Whether a sign-in of `id` is running, and how many wait for it. */
    signInWaiters: (id: string): number | null => signIns.get(id)?.waiters.length ?? null,
    /** How many components listen for recorded calls right now. */
    toolCallListenerCount: () => callListeners.size,
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

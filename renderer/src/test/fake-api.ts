import { vi } from 'vitest';
import type { TrayApi } from '../../../electron/shared/api';
import { ApiError } from '../../../electron/shared/api';
import type {
  AddCustomInstance,
  AppInfo,
  AppNotice,
  InstanceDetail,
  InstanceSummary,
  StateTransition,
} from '../../../electron/shared/contract';

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
    ...overrides,
  };
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
}: InstanceSummary): InstanceSummary => ({
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
});

const notFound = (id: string) =>
  new ApiError({ code: 'not-found', message: `There is no service called "${id}".` });

interface FakeInit {
  instances?: InstanceSummary[];
  /** Details by id; an instance listed without one gets a default detail built from its summary. */
  details?: InstanceDetail[];
  appInfo?: AppInfo;
}

/**
 * A plain `TrayApi` whose requests are spies over a small in-memory store and whose events the
 * test fires by hand (requests never emit events on their own, so each test decides what the
 * core announces).
 */
export function createFakeApi(init: FakeInit = {}) {
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

  const instanceListeners = new Set<(payload: { instances: InstanceSummary[] }) => void>();
  const stateListeners = new Set<(payload: { id: string; transition: StateTransition }) => void>();
  const noticeListeners = new Set<(payload: { notices: AppNotice[] }) => void>();
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
    emitNotices: (notices: AppNotice[]) => {
      for (const listener of [...noticeListeners]) listener({ notices });
    },
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

import { vi } from 'vitest';
import type { TrayApi } from '../../../electron/shared/api';
import type { AppInfo, AppNotice, InstanceSummary } from '../../../electron/shared/contract';

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
    ...overrides,
  };
}

/** A plain `TrayApi` whose requests are spies and whose events the test fires by hand. */
export function createFakeApi(init: { instances?: InstanceSummary[]; appInfo?: AppInfo } = {}) {
  const instanceListeners = new Set<(payload: { instances: InstanceSummary[] }) => void>();
  const noticeListeners = new Set<(payload: { notices: AppNotice[] }) => void>();
  const api = {
    getAppInfo: vi.fn(async () => init.appInfo ?? makeAppInfo()),
    listInstances: vi.fn(async () => init.instances ?? []),
    onInstancesChanged: (listener) => {
      instanceListeners.add(listener);
      return () => instanceListeners.delete(listener);
    },
    onNoticesChanged: (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
  } satisfies TrayApi;
  return {
    api,
    emitInstances: (instances: InstanceSummary[]) => {
      for (const listener of [...instanceListeners]) listener({ instances });
    },
    emitNotices: (notices: AppNotice[]) => {
      for (const listener of [...noticeListeners]) listener({ notices });
    },
  };
}

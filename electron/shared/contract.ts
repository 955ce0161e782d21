import { z } from 'zod';

/**
 * The one contract between the UI and the core. Every request and event the UI can use is
 * declared here once; the IPC and WebSocket transports and the `TrayApi` type are derived
 * from these two maps, so adding a feature means adding an entry here and a handler in core.
 */

const NoInput = z.object({}).strict();

/** Lifecycle states of an integration instance (the supervisor drives them). */
export const InstanceState = z.enum([
  'stopped',
  'starting',
  'running',
  'unhealthy',
  'backoff',
  'failed',
  'needs-auth',
  'disabled',
]);
export type InstanceState = z.infer<typeof InstanceState>;

export const InstanceSummary = z.object({
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
});
export type InstanceSummary = z.infer<typeof InstanceSummary>;

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** Backend name when available, otherwise what is wrong and what to do. */
  detail: z.string(),
});
export type KeychainStatus = z.infer<typeof KeychainStatus>;

export const AppNotice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type AppNotice = z.infer<typeof AppNotice>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'headless']),
  platform: z.string(),
  dataDir: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
  keychain: KeychainStatus,
  notices: z.array(AppNotice),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** UI → core requests: name → input and output schemas. */
export const requests = {
  getAppInfo: { input: NoInput, output: AppInfo },
  listInstances: { input: NoInput, output: z.array(InstanceSummary) },
} as const;

/** Core → UI events: name → payload schema. */
export const events = {
  instancesChanged: z.object({ instances: z.array(InstanceSummary) }),
  noticesChanged: z.object({ notices: z.array(AppNotice) }),
} as const;

export type Requests = typeof requests;
export type Events = typeof events;
export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<Requests[K]['output']>;
export type EventPayload<K extends EventName> = z.output<Events[K]>;

export const requestNames = Object.keys(requests) as RequestName[];
export const eventNames = Object.keys(events) as EventName[];

/** Result envelope carried by both transports; errors keep their code and message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export const ApiErrorShape = z.object({ code: z.string(), message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

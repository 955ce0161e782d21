import type { ClientEntry, ClientInfo, InstanceSummary } from '../../../../electron/shared/contract';

/** Installed clients first; otherwise the core's order (a stable sort keeps it). */
export const sortClients = (clients: readonly ClientInfo[]): ClientInfo[] =>
  [...clients].sort((a, b) => Number(b.installed) - Number(a.installed));

/** Why the client cannot be changed right now, or null when it can. */
export function blockedReason(client: ClientInfo): string | null {
  if (client.error) return `MCP Tray cannot read ${client.name}'s file.`;
  if (!client.configPath) return `${client.name} is not available on this system.`;
  return null;
}

export const canConfigure = (client: ClientInfo): boolean => blockedReason(client) === null;

export interface PendingChange {
  adds: string[];
  removes: string[];
}

/**
 * What writing the file would change: the selection (limited to services that still exist, as
 * the core does) against the entries in the file now.
 */
export function pendingChange(client: ClientInfo, instanceIds: ReadonlySet<string> | null): PendingChange {
  const wanted = instanceIds ? client.selected.filter((id) => instanceIds.has(id)) : client.selected;
  return {
    adds: wanted.filter((id) => !client.configured.includes(id)),
    removes: client.configured.filter((id) => !wanted.includes(id)),
  };
}

export const hasPending = (client: ClientInfo, instanceIds: ReadonlySet<string> | null): boolean => {
  if (!canConfigure(client)) return false;
  const { adds, removes } = pendingChange(client, instanceIds);
  return adds.length > 0 || removes.length > 0;
};

/** The full selection after giving (or taking away) one service; unknown ids are dropped. */
export function nextSelection(
  selected: readonly string[],
  instanceId: string,
  give: boolean,
  instanceIds: ReadonlySet<string>,
): string[] {
  const kept = selected.filter((id) => id !== instanceId && instanceIds.has(id));
  return give ? [...kept, instanceId] : kept;
}

/** Entries in the client's file that MCP Tray did not write (the user's own servers). */
export const foreignEntries = (client: ClientInfo): ClientEntry[] =>
  client.entries.filter((entry) => entry.instanceId === null);

// Same rule the core uses when importing: these values go to the keychain, not the settings file.
const SECRET_ENV = /token|secret|passw|key|auth|credential|cookie|pat$/i;

export const looksSecret = (envName: string): boolean => SECRET_ENV.test(envName);

/** `npx -y @scope/server --flag` — for reading, not for running (no quoting). */
export const commandLine = (entry: Pick<ClientEntry, 'command' | 'args'>): string =>
  [entry.command, ...entry.args].join(' ');

export type NameOf = (instanceId: string) => string;

/** A service's name for display; the id when the service no longer exists. */
export function instanceNamer(instances: readonly InstanceSummary[] | null): NameOf {
  const names = new Map((instances ?? []).map((i) => [i.id, i.name]));
  return (id) => names.get(id) ?? id;
}

const LIST = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Notes", "Notes and Files", "Notes, Files and GitHub" (no Oxford comma, as in the app's copy). */
export const formatList = (items: readonly string[]): string => LIST.format(items).replace(/, and /, ' and ');

/** 1 client / 2 clients. */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

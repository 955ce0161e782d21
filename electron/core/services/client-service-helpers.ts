import { spawn } from 'node:child_process';
import type { ClientEntry } from '../../shared/contract';
import type { ServerEntry } from '../clients';
import {
  ConfigConflictError,
  ConfigEditError,
  ConfigParseError,
  ConfigPathError,
  ourHttpInstanceId,
  ourInstanceId,
  readHttpEntry,
} from '../clients';
import { UserFacingError } from '../rpc/errors';

/** Names of env vars whose values we treat as secrets when importing a client's servers. */
export const SECRET_ENV = /token|secret|passw|key|auth|credential|cookie|pat$/i;

/** Config-file problems reach the user as they are: their messages name the file, line and column. */
export async function inWords<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigParseError) {
      throw new UserFacingError(
        'config-unreadable',
        `MCP Tray will not change a file it cannot read: ${error.message}`,
      );
    }
    if (error instanceof ConfigPathError) throw new UserFacingError('config-path', error.message);
    if (error instanceof ConfigConflictError || error instanceof ConfigEditError) {
      throw new UserFacingError('config-conflict', error.message);
    }
    throw error;
  }
}

/** An instance id from a client's entry name: lowercase, dashes, unique. */
export function freeId(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'server';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Runs a program without a shell and resolves its exit code (-1 when it cannot start). */
export function runCommand(file: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'ignore', shell: false, windowsHide: true });
    child.once('error', () => resolve(-1));
    child.once('exit', (code) => resolve(code ?? -1));
  });
}

/**
 * A client's entries as the UI lists them: every stdio entry (ours marked with its instance),
 * and our HTTP entries. The user's own remote servers are left out: they cannot be imported.
 */
export function listEntries(
  raw: Record<string, unknown>,
  servers: Record<string, ServerEntry>,
  httpPort: number,
): ClientEntry[] {
  return Object.entries(raw).flatMap(([name, value]): ClientEntry[] => {
    const entry = servers[name];
    if (entry) {
      const { command, args, env } = entry;
      return [{ name, command, args, envNames: Object.keys(env), instanceId: ourInstanceId(entry) }];
    }
    const remote = readHttpEntry(value);
    const instanceId = remote && ourHttpInstanceId(remote.url, httpPort);
    return instanceId ? [{ name, command: '', args: [], envNames: [], instanceId, url: remote.url }] : [];
  });
}

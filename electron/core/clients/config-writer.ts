import fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { removeStaleTemps, writeFileAtomic } from './atomic-write';
import type { BackupFs } from './backup-store';
import { BackupStore } from './backup-store';
import type { ClientAdapter, ServerEntry } from './client-adapter';
import type { ConfigChanges, ConfigEditor } from './config-changes';
import { ConfigConflictError, configPathError } from './config-errors';
import type * as JsonConfigEdit from './json-config-edit';
import { stripBom } from './text-format';
import type * as TomlConfigEdit from './toml-config-edit';
import type { DiffHunk } from '../../shared/contract';
import type * as UnifiedDiff from './unified-diff';

/** What `apply` would do to one client config file. */
export interface Plan {
  adapter: ClientAdapter;
  file: string;
  changes: ConfigChanges;
  exists: boolean;
  /** The file's text as read (a byte order mark included); '' when it does not exist. */
  before: string;
  /** The text that would be written (never with a byte order mark); `before` when unchanged. */
  after: string;
  /** Unified diff from before to after, for showing the user; '' when unchanged. */
  diff: string;
  /** The same change as hunks (empty when unchanged). */
  hunks: DiffHunk[];
  changed: boolean;
}

/** What `apply` did. */
export interface ApplyResult {
  file: string;
  /** The backup of the previous content, or null when nothing was replaced. */
  backup: string | null;
  changed: boolean;
  /** The plan actually applied (re-planned if the file had changed since `plan`). */
  plan: Plan;
}

/** A client's current entries, for import and for choosing entry names. */
export interface ConfigEntries {
  exists: boolean;
  /** Every entry as written, by name. */
  raw: Record<string, unknown>;
  /** Local stdio entries read back as command/args/env (remote ones are left out). */
  servers: Record<string, ServerEntry>;
}

/** How `apply` writes. */
export interface ApplyOptions {
  /**
   * The new content holds a secret (the HTTP endpoint's token): the file loses any group and
   * other permissions, from the moment it is written (not by a chmod afterwards).
   */
  ownerOnly?: boolean;
  /**
   * Secret values this write moves out of the file (import puts them in the keychain): the
   * backups of the file, the new one and the kept ones, get a marker instead.
   */
  movedSecrets?: readonly string[];
}

/** The file functions the writer uses; `node:fs/promises` by default, a wrapper in tests. */
export type ConfigWriterFs = BackupFs & Pick<typeof fsPromises, 'readFile' | 'mkdir' | 'realpath'>;

/** What a ConfigWriter is built from (all injected, for tests). */
export interface ConfigWriterDeps {
  clock: Clock;
  logger: Logger;
  fs?: ConfigWriterFs;
  /** Backups kept per file (5). */
  keepBackups?: number;
  /** How often to re-plan when the client keeps rewriting the file (3). */
  maxAttempts?: number;
}

interface Current {
  exists: boolean;
  bytes: Buffer;
  text: string;
  mode: number;
}

/** The diff library (100 KB), loaded with the first change planned: most starts plan none. */
const loadUnifiedDiff = (): Promise<typeof UnifiedDiff> => import('./unified-diff');

/**
 * The JSON and TOML parsers, loaded with the first config file that exists or is written: a
 * start where no AI client has a config file needs neither.
 */
const loadJsonEditor = (): Promise<typeof JsonConfigEdit> => import('./json-config-edit');
const loadTomlEditor = (): Promise<typeof TomlConfigEdit> => import('./toml-config-edit');

/** Our temp files older than this are leftovers of a crash; younger ones may be in use. */
const STALE_TEMP_MS = 60_000;

/**
 * Plans and applies changes to our entries in AI clients' config files, never anyone else's:
 * edits are made on the text, checked to have changed nothing else, written atomically with a
 * backup of what was there, and re-planned when the client rewrote the file in the meantime.
 */
export class ConfigWriter {
  private readonly fs: ConfigWriterFs;
  private readonly backups: BackupStore;

  constructor(private readonly deps: ConfigWriterDeps) {
    this.fs = deps.fs ?? fsPromises;
    this.backups = new BackupStore(deps.clock, { fs: this.fs, keep: deps.keepBackups });
  }

  /** Reads the entries a client has now; throws ConfigParseError for a file that does not parse. */
  async read(adapter: ClientAdapter, file: string): Promise<ConfigEntries> {
    const current = await this.readCurrent(await this.target(file));
    if (!current.exists) return { exists: false, raw: {}, servers: {} };
    const raw = (await this.editor(adapter, file)).servers(stripBom(current.text).text);
    const servers: Record<string, ServerEntry> = {};
    for (const [name, entry] of Object.entries(raw)) {
      const server = adapter.readEntry(entry);
      if (server) servers[name] = server;
    }
    return { exists: current.exists, raw, servers };
  }

  /** What applying `changes` would do; throws ConfigParseError and touches nothing. */
  async plan(adapter: ClientAdapter, file: string, changes: ConfigChanges): Promise<Plan> {
    return this.planFrom(adapter, file, changes, await this.readCurrent(await this.target(file)));
  }

  /** Applies a plan (re-planned first if the file changed since), or plans and applies. */
  async apply(plan: Plan): Promise<ApplyResult>;
  async apply(
    adapter: ClientAdapter,
    file: string,
    changes: ConfigChanges,
    options?: ApplyOptions,
  ): Promise<ApplyResult>;
  async apply(
    first: Plan | ClientAdapter,
    file?: string,
    changes?: ConfigChanges,
    options: ApplyOptions = {},
  ): Promise<ApplyResult> {
    let plan = 'adapter' in first ? first : await this.plan(first, file!, changes!);
    const target = await this.target(plan.file);
    for (let attempt = 0; attempt < (this.deps.maxAttempts ?? 3); attempt++) {
      const current = await this.readCurrent(target);
      if (current.exists !== plan.exists || current.text !== plan.before) {
        // The client (or the user) rewrote the file since we planned: keep their change.
        this.deps.logger.info('client config changed since planned; planning again', { file: plan.file });
        plan = await this.planFrom(plan.adapter, plan.file, plan.changes, current);
      }
      if (!plan.changed) return { file: plan.file, backup: null, changed: false, plan };
      const written = await this.write(target, current, plan.after, options);
      if (written.done) {
        this.deps.logger.info('client config updated', { file: plan.file, backup: written.backup });
        return { file: plan.file, backup: written.backup, changed: true, plan };
      }
    }
    throw new ConfigConflictError(plan.file);
  }

  private async write(
    target: string,
    current: Current,
    text: string,
    options: ApplyOptions,
  ): Promise<{ done: boolean; backup: string | null }> {
    const ownerOnly = options.ownerOnly === true;
    if (!current.exists) await this.fs.mkdir(path.dirname(target), { recursive: true });
    await removeStaleTemps(target, this.deps.clock.now(), STALE_TEMP_MS, this.fs);
    const backup = current.exists
      ? await this.backups.save(target, current.bytes, options.movedSecrets ?? [])
      : null;
    const done = await writeFileAtomic(target, text, {
      mode: ownerOnly ? current.mode & ~0o077 : current.mode,
      fs: this.fs,
      // Last look before replacing: a client that saved in the meantime must not be overwritten.
      beforeRename: async () => {
        const now = await this.readCurrent(target);
        return now.exists === current.exists && now.bytes.equals(current.bytes);
      },
    });
    return { done, backup };
  }

  private async planFrom(
    adapter: ClientAdapter,
    file: string,
    changes: ConfigChanges,
    current: Current,
  ): Promise<Plan> {
    const { text, bom } = stripBom(current.text);
    const edited = (await this.editor(adapter, file)).edit(text, changes);
    // A byte order mark alone is no reason to rewrite a file, and it stays when we do write.
    const changed = edited !== text;
    const diff = changed ? (await loadUnifiedDiff()).textDiff(file, text, edited) : { text: '', hunks: [] };
    return {
      adapter,
      file,
      changes,
      exists: current.exists,
      before: current.text,
      after: changed ? (bom ? '\ufeff' : '') + edited : current.text,
      diff: diff.text,
      hunks: diff.hunks,
      changed,
    };
  }

  private async editor(adapter: ClientAdapter, file: string): Promise<ConfigEditor> {
    const rules = { file, clientName: adapter.displayName, serversPath: adapter.serversPath };
    if (adapter.format === 'toml') return (await loadTomlEditor()).tomlConfigEditor(rules);
    return (await loadJsonEditor()).jsonConfigEditor({
      ...rules,
      comments: adapter.format === 'jsonc',
      trailingCommas: adapter.trailingCommas,
    });
  }

  /** The real file behind symlinks (dotfile managers link configs), so the link survives. */
  private async target(file: string): Promise<string> {
    try {
      return await this.fs.realpath(file);
    } catch {
      try {
        return path.join(await this.fs.realpath(path.dirname(file)), path.basename(file));
      } catch {
        return file;
      }
    }
  }

  private async readCurrent(file: string): Promise<Current> {
    try {
      const bytes = await this.fs.readFile(file);
      const stat = await this.fs.stat(file);
      return { exists: true, bytes, text: bytes.toString('utf8'), mode: stat.mode & 0o7777 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw configPathError(file, error);
      // New files may later hold the user's own secrets (env of their entries): owner only.
      return { exists: false, bytes: Buffer.alloc(0), text: '', mode: 0o600 };
    }
  }
}

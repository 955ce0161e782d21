import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { Settings, defaultSettings } from './settings-schema';
import { settingsMigrations, settingsSchemaSemver } from './settings-migrations';

/** Why the settings file was set aside at start-up, for the UI and the log. */
export interface SettingsRecovery {
  reason: string;
  movedTo: string;
}

/** conf keeps its migration bookkeeping under this key; it is not ours to validate or write. */
const withoutInternal = (store: Record<string, unknown>): Record<string, unknown> => {
  const { __internal__: _internal, ...rest } = store;
  return rest;
};

/** Someone editing the file by hand is noticed within this long. */
const RECHECK_MS = 500;

const readIfExists = (file: string): Buffer | null => {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
};

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Non-secret settings on `conf` (what electron-store is built on), validated with zod and
 * migrated by schema version. A file that cannot be read is moved aside, never deleted.
 */
export class SettingsStore {
  private conf: Conf<Record<string, unknown>>;
  private lastGood: Settings;
  private readStamp: string | null = null;
  private original: Buffer | null = null;
  private checkedAt = -Infinity;
  readonly recovery: SettingsRecovery | null;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {
    // The user's bytes as they were: conf may rewrite the file (defaults, migrations) before
    // we find that it breaks the schema, and what we set aside must be their original.
    this.original = readIfExists(this.file);
    if (this.original === null) this.createAtCurrentVersion();
    let recovery = this.checkParsable();
    this.conf = this.openConf();
    let parsed = Settings.safeParse(withoutInternal(this.conf.store));
    if (!parsed.success) {
      recovery = this.quarantine(`it does not match the settings schema: ${parsed.error.issues[0]?.message}`);
      this.conf = this.openConf();
      parsed = Settings.safeParse(withoutInternal(this.conf.store));
    }
    this.lastGood = parsed.success ? parsed.data : defaultSettings();
    this.recovery = recovery;
  }

  /**
   * Current settings. Served from memory and re-read only when the file changed on disk (a
   * stat, not a parse): the broker asks on every call. On a read error, the last good copy.
   */
  read(): Settings {
    const now = this.clock.now();
    if (now - this.checkedAt < RECHECK_MS) return this.lastGood;
    this.checkedAt = now;
    const stamp = this.fileStamp();
    if (stamp === this.readStamp) return this.lastGood;
    try {
      this.lastGood = Settings.parse(withoutInternal(this.conf.store));
      this.readStamp = stamp;
    } catch (error) {
      this.logger.error('settings file unreadable; using the last good copy', { error: String(error) });
    }
    return this.lastGood;
  }

  /** Applies a change and writes it atomically. */
  update(change: (current: Settings) => Settings): Settings {
    const next = Settings.parse(change(structuredClone(this.read())));
    this.conf.set(next as Record<string, unknown>);
    this.lastGood = next;
    this.readStamp = this.fileStamp();
    return next;
  }

  private fileStamp(): string {
    try {
      const stat = fs.statSync(this.file, { bigint: true });
      return `${stat.mtimeNs}:${stat.size}:${stat.ino}`;
    } catch {
      return 'missing';
    }
  }

  private openConf(): Conf<Record<string, unknown>> {
    return new Conf<Record<string, unknown>>({
      cwd: path.dirname(this.file),
      configName: path.basename(this.file, '.json'),
      projectVersion: settingsSchemaSemver(),
      migrations: settingsMigrations,
      defaults: defaultSettings() as Record<string, unknown>,
      configFileMode: 0o600,
      clearInvalidConfig: false,
    });
  }

  /**
   * A new file starts at the current schema version: there is nothing to migrate, and conf would
   * otherwise write it once per migration (fourteen fsyncs on a first start).
   */
  private createAtCurrentVersion(): void {
    const fresh = { ...defaultSettings(), __internal__: { migrations: { version: settingsSchemaSemver() } } };
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(this.file, JSON.stringify(fresh, undefined, '\t'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Someone else made it first: conf reads theirs and migrates it as usual.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  /** Moves an unparsable file aside before conf sees it (conf would throw or clear it). */
  private checkParsable(): SettingsRecovery | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      const value: unknown = JSON.parse(stripBom(text));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return this.quarantine('it is not a JSON object');
      }
      if (text.charCodeAt(0) === 0xfeff) fs.writeFileSync(this.file, stripBom(text), { mode: 0o600 });
      return null;
    } catch (error) {
      return this.quarantine(`it is not valid JSON (${(error as Error).message})`);
    }
  }

  private quarantine(reason: string): SettingsRecovery {
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-');
    const movedTo = this.file.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
    if (this.original === null) {
      fs.renameSync(this.file, movedTo);
    } else {
      fs.writeFileSync(movedTo, this.original, { mode: 0o600, flag: 'wx' });
      fs.rmSync(this.file, { force: true });
    }
    this.logger.warn('settings file could not be read; moved aside and started with defaults', {
      reason,
      movedTo,
    });
    return { reason, movedTo };
  }
}

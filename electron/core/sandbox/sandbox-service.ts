import fs from 'node:fs';
import path from 'node:path';
import type { PermissionProfile, PermissionsView, SandboxStatus } from '../../shared/permissions-contract';
import type { Logger } from '../platform/logger';
import type { InstanceConfig } from '../settings/settings-schema';
import { describeProfile } from './describe-profile';
import { defaultProfile } from './profile-defaults';
import type { SandboxAvailability, SandboxEngine } from './sandbox-engine';
import { sandboxSettings } from './sandbox-settings';
import type { InstanceSandboxSettings, SandboxContext } from './sandbox-settings';

export interface SandboxServiceDeps {
  engine: SandboxEngine;
  platform: NodeJS.Platform;
  home: string;
  dataDir: string;
  tmpDir: string;
  /** AI clients' config files on this machine (denied to every sandboxed server). */
  clientConfigs: () => string[];
  /** Whether an integration id is one of our built-in servers (strict by default). */
  isBuiltIn: (integrationId: string) => boolean;
  logger: Logger;
}

/** A server that must not start: the sandbox is asked for and the OS cannot provide it. */
class SandboxUnavailableError extends Error {
  readonly code = 'sandbox-unavailable';
}

/** A command ready to spawn, sandboxed or not. */
export interface SandboxedLaunch {
  file: string;
  args: string[];
  env: Record<string, string>;
  /** The working directory to spawn in (the wrap was made for it). */
  cwd: string | null;
  release: () => void;
}

const RECENT = 20;

/**
 * Per-instance sandboxing: which profile applies, whether this machine can honour it, how a
 * command is wrapped, and what was blocked (each blocked attempt is a line in the instance's
 * log and a count in its detail).
 */
export class SandboxService {
  private known: SandboxAvailability | null = null;
  private readonly blocked = new Map<string, { count: number; recent: string[] }>();
  private readonly logs = new Map<string, (line: string) => void>();

  constructor(private readonly deps: SandboxServiceDeps) {
    deps.engine.onViolation((id, line) => this.record(id, line));
  }

  /** Runs the availability check (once); summaries use its answer from then on. */
  async check(): Promise<SandboxAvailability> {
    this.known = await this.deps.engine.check();
    return this.known;
  }

  profile(config: InstanceConfig): PermissionProfile {
    return config.permissions ?? defaultProfile(config, this.deps.isBuiltIn(config.integrationId));
  }

  /** What `status --json` and the Services list say. Remote servers run elsewhere: `none`. */
  status(config: InstanceConfig): SandboxStatus {
    if (config.remote) return 'none';
    const level = this.profile(config).level;
    if (level === 'none') return 'none';
    return this.known && !this.known.ok ? 'unavailable' : level;
  }

  instanceDir(id: string): string {
    return path.join(this.deps.dataDir, 'instances', id);
  }

  /** Sends an instance's blocked attempts to its log (the supervisor's stderr log). */
  attachLog(id: string, write: (line: string) => void): void {
    this.logs.set(id, write);
  }

  detachLog(id: string): void {
    this.logs.delete(id);
  }

  blockedOf(id: string): { count: number; recent: string[] } {
    return this.blocked.get(id) ?? { count: 0, recent: [] };
  }

  /**
   * The command to spawn for `config`. Unsandboxed only when the profile says `none`; when the
   * OS cannot sandbox, or wrapping fails, this throws with the reason and the fix: a server
   * never falls back to running unconfined on its own.
   */
  async launch(
    config: InstanceConfig,
    file: string,
    args: string[],
    cwd: string | null,
  ): Promise<SandboxedLaunch> {
    const profile = this.profile(config);
    if (profile.level === 'none') return { file, args, env: {}, cwd, release: () => undefined };
    const availability = await this.check();
    if (!availability.ok) {
      throw new SandboxUnavailableError(
        `Not started: it is set to run sandboxed, but ${availability.reason}. ${availability.fix} ` +
          'Or, if you trust it, choose "Not sandboxed" in its Permissions.',
      );
    }
    const dir = this.instanceDir(config.id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const settings = onlyExisting(sandboxSettings(profile, this.context(config)));
    // Without a folder of its own, a server starts in its instance folder: the library scans the
    // working directory for files to protect (.git hooks, .bashrc…), and the app's own working
    // directory can be / (a packaged app) or a large tree, which takes seconds.
    const workDir = cwd ?? dir;
    try {
      const wrapped = await this.deps.engine.wrap(config.id, shellLine(file, args), settings, workDir);
      // Package runners keep their caches in the instance's folder: the shared ones are not
      // writable, and a shared cache would let one server plant code that another runs.
      const env: Record<string, string> = {
        npm_config_cache: path.join(dir, 'npm-cache'),
        UV_CACHE_DIR: path.join(dir, 'uv-cache'),
      };
      // Node's fetch ignores HTTP(S)_PROXY unless told; the limited network is only the proxy.
      if (settings.network) env.NODE_USE_ENV_PROXY = '1';
      return { file: wrapped.file, args: wrapped.args, env, cwd: workDir, release: wrapped.release };
    } catch (error) {
      throw new SandboxUnavailableError(
        `Not started: the sandbox failed to start it (${(error as Error).message}).`,
      );
    }
  }

  view(config: InstanceConfig): PermissionsView {
    const profile = this.profile(config);
    const ctx = this.context(config);
    const settings = sandboxSettings(
      { ...profile, level: profile.level === 'none' ? 'standard' : profile.level },
      ctx,
    );
    const status = this.status(config);
    const blocked = this.blockedOf(config.id);
    return {
      instanceId: config.id,
      profile,
      sandbox: status,
      unavailable:
        this.known && !this.known.ok && status === 'unavailable'
          ? { reason: this.known.reason, fix: this.known.fix }
          : null,
      summary: describeProfile(profile, {
        home: this.deps.home,
        instanceDir: ctx.instanceDir,
        remote: Boolean(config.remote),
      }),
      blockedCount: blocked.count,
      recentBlocked: blocked.recent,
      deniedRead: profile.level === 'none' ? [] : settings.filesystem.denyRead,
      writable: profile.level === 'none' ? [] : settings.filesystem.allowWrite,
    };
  }

  private context(config: InstanceConfig): SandboxContext {
    return {
      platform: this.deps.platform,
      home: this.deps.home,
      dataDir: this.deps.dataDir,
      instanceDir: this.instanceDir(config.id),
      tmpDir: this.deps.tmpDir,
      clientConfigs: this.deps.clientConfigs(),
      programDirs: config.bundleDir ? [config.bundleDir] : [],
    };
  }

  private record(id: string, line: string): void {
    const entry = this.blocked.get(id) ?? { count: 0, recent: [] };
    const text = `[sandbox] blocked: ${line}`;
    entry.count++;
    entry.recent.push(text);
    if (entry.recent.length > RECENT) entry.recent.shift();
    this.blocked.set(id, entry);
    this.logs.get(id)?.(`${text}\n`);
    this.deps.logger.info('sandbox blocked', { id, line });
  }
}

/**
 * Drops deny rules for paths that do not exist. A missing path holds no secret, and the library
 * masks a denied path inside a writable area with a mount, for which bubblewrap creates an empty
 * file or folder on the real disk: `~/.cursor`, `~/.claude.json`… would appear in a home under a
 * writable folder, and MCP Tray (and other tools) would then think those clients are installed.
 */
function onlyExisting(settings: InstanceSandboxSettings): InstanceSandboxSettings {
  const { filesystem } = settings;
  return {
    ...settings,
    filesystem: {
      ...filesystem,
      denyRead: filesystem.denyRead.filter((p) => fs.existsSync(p)),
      denyWrite: filesystem.denyWrite.filter((p) => fs.existsSync(p)),
    },
  };
}

/** One POSIX shell word per argument: the library wraps a command line, not an argv. */
function shellLine(file: string, args: string[]): string {
  return [file, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

import type { SandboxManager } from '@anthropic-ai/sandbox-runtime';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { InstanceSandboxSettings } from './sandbox-settings';
import { bridgeProcesses } from './bridge-processes';
import { checkDependencies } from './dependency-check';
import { OpenNetworkWrapper } from './open-network-wrapper';

type Library = { SandboxManager: typeof SandboxManager };

/** Whether this machine can sandbox, and if not, why and what fixes it (shown to the user). */
export type SandboxAvailability = { ok: true } | { ok: false; reason: string; fix: string };

/** A wrapped command: run `file args` (shell:false) instead of the server's own command. */
export interface WrappedCommand {
  file: string;
  args: string[];
  /** Call when the process is gone: drops its network allow list. */
  release: () => void;
}

/** One blocked attempt, attributed to the instance whose command made it. */
export type ViolationListener = (instanceId: string, line: string) => void;

// "Install X (URL)" is the core's hint pattern for a missing program: the Services list turns it
// into an "Install bubblewrap" button, as it does for uv.
const APT_FIX =
  'Install bubblewrap (https://github.com/containers/bubblewrap): sudo apt install bubblewrap socat ripgrep ' +
  '(Fedora: sudo dnf install bubblewrap socat ripgrep), then press Restart.';

/**
 * MCP Tray's use of @anthropic-ai/sandbox-runtime. Strict instances (network limited to listed
 * hosts) are wrapped by the library's SandboxManager in this thread: it runs the filtering
 * proxies, and each instance's hosts are registered under a random per-start command id, so
 * one manager serves every instance. Instances with an open network are wrapped by
 * {@link OpenNetworkWrapper}. Denied requests arrive through the manager's violation store,
 * attributed by the command text, which is the instance id.
 */
export class SandboxEngine {
  private library: Promise<Library> | null = null;
  private initialized: Promise<void> | null = null;
  private open: OpenNetworkWrapper | null = null;
  private availability: Promise<SandboxAvailability> | null = null;
  private seen = 0;
  private disposed = false;
  private readonly listeners = new Set<ViolationListener>();

  /**
   * @param adopt - told the pid of each process the library starts in this one (Linux: its
   *   proxy bridges), so they are stopped with the core even when it is killed (the Watchdog).
   */
  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly adopt: (pid: number) => void = () => undefined,
  ) {}

  /** Checked once per run: platform, the library's dependency check, and a real bwrap start. */
  check(): Promise<SandboxAvailability> {
    this.availability ??= this.probe().catch((error: unknown) => ({
      ok: false as const,
      reason: `the sandbox could not be checked (${(error as Error).message})`,
      fix: 'Restart MCP Tray; if it persists, export diagnostics and report it.',
    }));
    return this.availability;
  }

  onViolation(listener: ViolationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wraps one shell-quoted command line for `instanceId` under `settings`. */
  async wrap(
    instanceId: string,
    commandLine: string,
    settings: InstanceSandboxSettings,
    cwd?: string,
  ): Promise<WrappedCommand> {
    const lib = await this.load();
    // Quitting: a start that was still loading the library must not bring the proxies back up.
    if (this.disposed) throw new Error('MCP Tray is stopping');
    if (settings.network === null) {
      this.open ??= new OpenNetworkWrapper(libraryUrl());
      const argv = await this.open.wrap(commandLine, settings.filesystem, cwd);
      return { file: argv[0]!, args: argv.slice(1), release: () => undefined };
    }
    await this.initialize(lib);
    // 128 random bits: the id is all that binds a proxy connection to this allow list.
    const commandId = randomBytes(16).toString('base64url');
    lib.SandboxManager.registerCommandNetworkLists(commandId, {
      allowedDomains: settings.network.allowedDomains,
    });
    try {
      const { argv } = await lib.SandboxManager.wrapWithSandboxArgv(
        commandLine,
        undefined,
        { filesystem: settings.filesystem },
        undefined,
        cwd,
        { commandId, commandText: instanceId },
      );
      return {
        file: argv[0]!,
        args: argv.slice(1),
        release: () => lib.SandboxManager.unregisterCommandNetworkLists(commandId),
      };
    } catch (error) {
      lib.SandboxManager.unregisterCommandNetworkLists(commandId);
      throw error;
    }
  }

  /** Stops the proxies and the worker (quit). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.open?.close();
    const initializing = this.initialized;
    if (initializing && this.library) {
      const lib = await this.library;
      // Reset only once a start in flight has its proxies up, or they would outlive the reset
      // (and keep the process alive after quit).
      await initializing.catch(() => undefined);
      await lib.SandboxManager.reset().catch(() => undefined);
    }
    this.initialized = null;
  }

  private load(): Promise<Library> {
    this.library ??= import('@anthropic-ai/sandbox-runtime');
    return this.library;
  }

  private initialize(lib: Library): Promise<void> {
    this.initialized ??= (async () => {
      // No global allow list and no ask callback: a host is reachable only through an
      // instance's own registered list; everything else is denied and reported.
      await lib.SandboxManager.initialize({
        network: { allowedDomains: [], deniedDomains: [] },
        filesystem: { denyRead: [], allowWrite: [], denyWrite: [] },
      });
      if (this.platform === 'linux') this.adoptBridges(lib);
      const store = lib.SandboxManager.getSandboxViolationStore();
      this.seen = store.getTotalCount();
      store.subscribe((violations) => this.deliver(store.getTotalCount(), violations));
    })();
    return this.initialized;
  }

  /** The library's `socat` bridges die with it on reset, but not when the core is killed. */
  private adoptBridges(lib: Library): void {
    const manager = lib.SandboxManager;
    const sockets = [manager.getLinuxHttpSocketPath(), manager.getLinuxSocksSocketPath()];
    for (const pid of bridgeProcesses(sockets.filter((socket) => socket !== undefined))) this.adopt(pid);
  }

  private deliver(total: number, violations: { line: string; command?: string }[]): void {
    const fresh = violations.slice(Math.max(0, violations.length - (total - this.seen)));
    this.seen = total;
    for (const v of fresh) {
      if (!v.command) continue;
      for (const listener of this.listeners) listener(v.command, v.line);
    }
  }

  private async probe(): Promise<SandboxAvailability> {
    if (this.platform === 'win32') {
      return {
        ok: false,
        reason: 'MCP Tray does not set up the Windows sandbox yet',
        fix: 'Run it without a sandbox (Permissions → Not sandboxed) if you trust it, or use WSL.',
      };
    }
    const answer = await checkDependencies(libraryUrl());
    if (answer.kind === 'failed') {
      return {
        ok: false,
        reason: `the sandbox library did not load (${answer.message})`,
        fix: 'Reinstall MCP Tray.',
      };
    }
    if (!answer.supported) {
      return {
        ok: false,
        reason: `sandboxing is not supported on ${this.platform}`,
        fix: 'Run it without a sandbox if you trust it.',
      };
    }
    if (answer.errors.length) {
      const fix =
        this.platform === 'darwin' ? 'Reinstall MCP Tray (sandbox-exec is part of macOS).' : APT_FIX;
      return { ok: false, reason: answer.errors.join('; '), fix };
    }
    return this.platform === 'linux' ? probeUserNamespaces() : { ok: true };
  }
}

/** bubblewrap needs unprivileged user namespaces, which AppArmor blocks on Ubuntu 24.04+. */
function probeUserNamespaces(): Promise<SandboxAvailability> {
  return new Promise((resolve) => {
    const child = spawn(
      'bwrap',
      ['--ro-bind', '/', '/', '--dev', '/dev', '--unshare-user', '--unshare-net', 'true'],
      {
        shell: false,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('error', (e) =>
      resolve({ ok: false, reason: `bubblewrap could not start (${e.message})`, fix: APT_FIX }),
    );
    child.once('exit', (code) =>
      resolve(
        code === 0
          ? { ok: true }
          : {
              ok: false,
              reason: `bubblewrap cannot create a sandbox here: ${err.trim().slice(0, 200) || `exit ${code}`}`,
              fix: 'Allow unprivileged user namespaces for bwrap (on Ubuntu 24.04+: an AppArmor profile for /usr/bin/bwrap, or sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0), then press Restart.',
            },
      ),
    );
  });
}

/** Where the library is, for the worker (it has no module context of ours to resolve from). */
function libraryUrl(): string {
  // The CommonJS bundle (Electron main) has __filename; the ESM bundle (the CLI) import.meta.
  const anchor = typeof __filename === 'string' ? __filename : import.meta.url;
  return pathToFileURL(createRequire(anchor).resolve('@anthropic-ai/sandbox-runtime')).href;
}

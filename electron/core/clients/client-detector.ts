import fs from 'node:fs';
import path from 'node:path';
import type { ClientEvidence } from '../../shared/contract';
import type { ClientId } from './client-adapter';
import type { ClientPrograms } from './client-programs';
import { clientPrograms } from './client-programs';

/**
 * What detection may know about the machine. Injected so every platform's rules run in tests on
 * any platform; production uses the real file system and the login-shell PATH.
 */
export interface DetectorDeps {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
  /** A file's names in a folder; empty when it cannot be read. */
  listDir(dir: string): string[];
  /** A small text file's content, or null. */
  readText(file: string): string | null;
  /** Whether a file is a program this user may run. */
  isExecutable(file: string): boolean;
  /** A program's path on the login-shell PATH, or null. */
  findCommand(name: string): Promise<string | null>;
}

/** Whether a client is installed, and what showed it. */
export interface Detection {
  installed: boolean;
  evidence: ClientEvidence[];
}

const absolute = (deps: DetectorDeps, value: string | undefined): string | null =>
  value && (deps.platform === 'win32' ? path.win32 : path.posix).isAbsolute(value) ? value : null;

/**
 * Finds AI clients by their programs: app bundles, install folders, MSIX packages, `.desktop`
 * files (whose program still exists), Flatpak ids, AppImages and commands on the login-shell PATH.
 * A config file alone is never taken as proof.
 */
export class ClientDetector {
  private readonly p: path.PlatformPath;

  constructor(private readonly deps: DetectorDeps) {
    this.p = deps.platform === 'win32' ? path.win32 : path.posix;
  }

  async detect(client: ClientId): Promise<Detection> {
    const programs = clientPrograms[client];
    const evidence = [...this.files(programs), ...(await this.commands(programs))];
    return { installed: evidence.length > 0, evidence };
  }

  private files(programs: ClientPrograms): ClientEvidence[] {
    const { platform } = this.deps;
    if (platform === 'darwin') return this.macApps(programs);
    if (platform === 'win32') return this.windows(programs);
    return this.linux(programs);
  }

  private macApps(programs: ClientPrograms): ClientEvidence[] {
    const roots = ['/Applications', this.p.join(this.deps.home, 'Applications')];
    return (programs.macApps ?? [])
      .flatMap((app) => roots.map((root) => this.p.join(root, app)).filter((file) => this.deps.exists(file)))
      .map((file) => ({ kind: 'app-bundle' as const, path: file }));
  }

  private windows(programs: ClientPrograms): ClientEvidence[] {
    const { env, home } = this.deps;
    const local = absolute(this.deps, env.LOCALAPPDATA) ?? this.p.join(home, 'AppData', 'Local');
    const bases = {
      LOCALAPPDATA: local,
      ProgramFiles: absolute(this.deps, env.ProgramFiles) ?? 'C:\\Program Files',
    };
    const found: ClientEvidence[] = [];
    for (const program of programs.windowsPrograms ?? []) {
      const file = this.p.join(bases[program.base], ...program.path);
      if (this.deps.exists(file)) found.push({ kind: 'install-folder', path: file });
    }
    for (const family of programs.msixPackages ?? []) {
      const dir = this.p.join(local, 'Packages', family);
      if (this.deps.exists(dir)) found.push({ kind: 'msix-package', path: dir });
    }
    return found;
  }

  private linux(programs: ClientPrograms): ClientEvidence[] {
    const found: ClientEvidence[] = [];
    const wanted = new Set((programs.desktopFiles ?? []).map((name) => `${name}.desktop`.toLowerCase()));
    // AppImageLauncher names its entries `appimagekit_<hash>-<Name>.desktop`.
    const launcher = (name: string) => /^appimagekit_[0-9a-f]+-(.+)$/i.exec(name)?.[1]?.toLowerCase();
    for (const dir of this.applicationDirs()) {
      for (const name of this.deps.listDir(dir)) {
        const lower = name.toLowerCase();
        if (!wanted.has(lower) && !wanted.has(launcher(lower) ?? '')) continue;
        const file = this.p.join(dir, name);
        if (this.desktopProgramExists(file)) found.push({ kind: 'desktop-file', path: file });
      }
    }
    for (const id of programs.flatpakIds ?? []) {
      for (const root of [this.p.join(this.dataHome(), 'flatpak'), '/var/lib/flatpak']) {
        const dir = this.p.join(root, 'app', id);
        if (this.deps.exists(dir)) found.push({ kind: 'flatpak', path: dir });
      }
    }
    const prefixes = (programs.appImagePrefixes ?? []).map((prefix) => prefix.toLowerCase());
    for (const dir of [
      this.p.join(this.deps.home, 'Applications'),
      this.p.join(this.deps.home, '.local', 'bin'),
    ]) {
      for (const name of this.deps.listDir(dir)) {
        const lower = name.toLowerCase();
        if (lower.endsWith('.appimage') && prefixes.some((prefix) => lower.startsWith(prefix))) {
          found.push({ kind: 'appimage', path: this.p.join(dir, name) });
        }
      }
    }
    return found;
  }

  private dataHome(): string {
    return absolute(this.deps, this.deps.env.XDG_DATA_HOME) ?? this.p.join(this.deps.home, '.local', 'share');
  }

  /** `$XDG_DATA_HOME/applications`, each `$XDG_DATA_DIRS/applications`, Flatpak and Snap exports. */
  private applicationDirs(): string[] {
    const dataDirs = (this.deps.env.XDG_DATA_DIRS || '/usr/local/share:/usr/share')
      .split(':')
      .filter((dir) => this.p.isAbsolute(dir));
    const dirs = [this.dataHome(), ...dataDirs].map((dir) => this.p.join(dir, 'applications'));
    dirs.push(
      this.p.join(this.dataHome(), 'flatpak', 'exports', 'share', 'applications'),
      '/var/lib/flatpak/exports/share/applications',
      '/var/lib/snapd/desktop/applications',
    );
    return [...new Set(dirs)];
  }

  /**
   * A desktop file outlives an AppImage deleted by hand: its `TryExec`/`Exec` program must still
   * exist when it is named by an absolute path.
   */
  private desktopProgramExists(file: string): boolean {
    const text = this.deps.readText(file);
    if (text === null) return false;
    for (const key of ['TryExec', 'Exec']) {
      const line = new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1]?.trim();
      if (!line) continue;
      const program = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(/\s+/)[0]!;
      if (this.p.isAbsolute(program)) return this.deps.exists(program);
    }
    return true;
  }

  private async commands(programs: ClientPrograms): Promise<ClientEvidence[]> {
    const found: ClientEvidence[] = [];
    for (const name of programs.commands ?? []) {
      const file = await this.deps.findCommand(name);
      if (file) found.push({ kind: 'command', path: file });
    }
    for (const parts of programs.homePrograms ?? []) {
      const file = this.p.join(this.deps.home, ...parts) + (this.deps.platform === 'win32' ? '.exe' : '');
      if (this.deps.isExecutable(file) && !found.some((e) => e.path === file)) {
        found.push({ kind: 'command', path: file });
      }
    }
    return found;
  }
}

/** Detection on the real file system; `findCommand` is the caller's login-shell PATH lookup. */
export function nodeDetectorDeps(
  machine: Pick<DetectorDeps, 'platform' | 'home' | 'env' | 'findCommand' | 'isExecutable'>,
): DetectorDeps {
  return {
    ...machine,
    exists: (file) => fs.existsSync(file),
    listDir(dir) {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
    readText(file) {
      try {
        if (fs.statSync(file).size > 64 * 1024) return null;
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

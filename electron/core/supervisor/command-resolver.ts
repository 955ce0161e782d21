import type { ChildProcess } from 'node:child_process';
import { spawn as nodeSpawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What to spawn (always with `shell: false`), or why the command cannot be started. `env` holds
 * variables the runtime itself needs (the app's binary running as Node), added last.
 */
export type ResolvedCommand =
  | {
      ok: true;
      file: string;
      args: string[];
      windowsVerbatimArguments?: boolean;
      env?: Record<string, string>;
    }
  | { ok: false; reason: string };

/** The app's own JavaScript runtime: Node for the headless host, Electron as Node for the app. */
interface AppNodeRuntime {
  execPath: string;
  env: Record<string, string>;
}

export interface LoginShellPathOptions {
  /** The user's shell, usually `$SHELL`. */
  shell: string;
  env: NodeJS.ProcessEnv;
  /** A broken rc file must not hold up server start; default 5 s. */
  timeoutMs?: number;
  spawn?: typeof nodeSpawn;
}

const MAX_SHELL_OUTPUT = 1024 * 1024;

const killTree = (child: ChildProcess): void => {
  if (child.pid === undefined) return;
  try {
    // The shell leads its own group (detached), so rc-file helpers it started die with it.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
};

/**
 * PATH as the user's terminal sees it: runs `$SHELL -ilc` like VS Code's shell-environment
 * resolution, because an app started from the Dock or a desktop file never ran the rc files
 * that nvm, fnm, mise or Homebrew extend PATH in. Resolves null on any failure or timeout.
 */
export function readLoginShellPath(options: LoginShellPathOptions): Promise<string | null> {
  const spawn = options.spawn ?? nodeSpawn;
  // rc files may print anything; only text between two unguessable markers counts. The marker is
  // passed in two halves so a shell that echoes its command line cannot produce a false match.
  const [a, b] = [randomBytes(6).toString('hex'), randomBytes(6).toString('hex')];
  const marker = `_MT${a}${b}`;
  const script = `printf '%s%s%s%s%s' '_MT${a}' '${b}' "$PATH" '_MT${a}' '${b}'`;
  return new Promise((resolve) => {
    let output = '';
    let child: ChildProcess;
    try {
      // detached: an interactive shell must not take over (or be stopped by) a terminal we run in.
      child = spawn(options.shell, ['-ilc', script], {
        shell: false,
        detached: true,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: options.env,
      });
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    const finish = (value: string | null, kill = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (kill) killTree(child);
      resolve(value);
    };
    const timer = setTimeout(() => finish(null, true), options.timeoutMs ?? 5000);
    child.on('error', () => finish(null));
    child.stdout?.on('error', () => finish(null));
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      output += text;
      if (output.length > MAX_SHELL_OUTPUT) finish(null, true);
      // Do not wait for exit: a daemon started by an rc file may keep stdout open.
      const found = between(output, marker);
      if (found !== null) finish(found);
    });
    child.on('close', () => finish(between(output, marker)));
  });
}

function between(text: string, marker: string): string | null {
  const start = text.indexOf(marker);
  if (start === -1) return null;
  const end = text.indexOf(marker, start + marker.length);
  if (end === -1) return null;
  const value = text.slice(start + marker.length, end).trim();
  return value === '' ? null : value;
}

export interface CommandResolverDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** PATH of the user's login shell, or null; never called on Windows. */
  loginShellPath: () => Promise<string | null>;
  isExecutable?: (file: string) => boolean;
  /** Runs `node` for integrations that ask for the host's Node (see `resolve`); none: use PATH. */
  appNode?: AppNodeRuntime;
}

/** A regular file we may execute (on Windows: any existing file); directories never count. */
function isExecutableFile(file: string, windows: boolean): boolean {
  try {
    if (!windows) fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const HINTS = new Map(
  Object.entries({
    'node npm npx': 'Install Node.js (https://nodejs.org/)',
    'uv uvx': 'Install uv (https://docs.astral.sh/uv/)',
    'python python3': 'Install Python (https://www.python.org/downloads/)',
    docker: 'Install Docker Desktop (https://www.docker.com/products/docker-desktop/)',
    'bun bunx': 'Install Bun (https://bun.sh/)',
  }).flatMap(([names, hint]) => names.split(' ').map((name) => [name, hint] as const)),
);

/**
 * cmd.exe metacharacters, after https://qntm.org/cmd and cross-spawn. A caret makes any of them
 * literal, `"` included, so cmd never enters a quoted region and every `& | < > ( )` stays text.
 * `%` cannot really be escaped on a command line, but `^%NAME^%` names a variable ending in `^`,
 * which is never defined, and cmd leaves undefined variables as they are.
 */
const CMD_META = /[()[\]%!^"`<>&|;, *?]/;
const caret = (text: string): string => text.replace(new RegExp(CMD_META.source, 'g'), '^$&');

/** Quotes one argument for the C runtime's argv parser (CommandLineToArgvW rules). */
function quoteArgument(arg: string): string {
  if (arg !== '' && !/\s/.test(arg) && !CMD_META.test(arg)) return arg;
  let out = '"';
  let slashes = 0;
  for (const char of arg) {
    if (char === '\\') {
      slashes++;
      continue;
    }
    // Backslashes only escape when they precede a quote: double them there, and escape the quote.
    out += '\\'.repeat(char === '"' ? slashes * 2 + 1 : slashes) + char;
    slashes = 0;
  }
  return out + '\\'.repeat(slashes * 2) + '"';
}

/**
 * Resolves a server's command the way the user's terminal would, with the PATH it would have.
 * Never runs anything through a shell: Windows batch files go to cmd.exe with escaped arguments.
 */
export class CommandResolver {
  private cachedPath: Promise<string> | null = null;
  private readonly win: boolean;
  private readonly paths: path.PlatformPath;
  private readonly isExecutable: (file: string) => boolean;

  constructor(private readonly deps: CommandResolverDeps) {
    this.win = deps.platform === 'win32';
    this.paths = this.win ? path.win32 : path.posix;
    this.isExecutable = deps.isExecutable ?? ((file) => isExecutableFile(file, this.win));
  }

  /** PATH for children: login-shell entries first, then ours; computed once. */
  searchPath(): Promise<string> {
    this.cachedPath ??= this.mergePaths();
    return this.cachedPath;
  }

  /**
   * What to spawn for `command args`. A command with a slash is taken as a path (relative ones
   * against `cwd`, default the current directory); a bare name is searched on {@link searchPath}.
   * With `appNode`, `node` is the app's own runtime instead: MCPB `type: node` servers (ours
   * among them) expect the host to provide Node, as Claude Desktop does, so users need none.
   */
  async resolve(
    command: string,
    args: string[],
    options: { cwd?: string; appNode?: boolean } = {},
  ): Promise<ResolvedCommand> {
    const own = this.deps.appNode;
    if (options.appNode && own && command === 'node') {
      return { ok: true, file: own.execPath, args, env: { ...own.env } };
    }
    if (command.trim() === '') {
      return {
        ok: false,
        reason: 'No command is set. Remove the service and add it again with the program to run.',
      };
    }
    const paths = this.paths;
    const hasDir = this.win ? /[\\/]/.test(command) : command.includes('/');
    const dirs = hasDir
      ? [paths.dirname(paths.resolve(options.cwd ?? process.cwd(), command))]
      : (await this.searchPath()).split(paths.delimiter).filter((dir) => paths.isAbsolute(dir));
    const names = this.candidates(paths.basename(command));
    for (const dir of dirs) {
      for (const name of names) {
        const file = paths.join(dir, name);
        if (this.isExecutable(file)) return this.launch(file, args);
      }
    }
    return { ok: false, reason: this.missing(command, hasDir) };
  }

  /** Where a bare program name is found on {@link searchPath} (PATHEXT applied), or null. */
  async which(name: string): Promise<string | null> {
    const dirs = (await this.searchPath())
      .split(this.paths.delimiter)
      .filter((d) => this.paths.isAbsolute(d));
    for (const dir of dirs) {
      for (const candidate of this.candidates(name)) {
        const file = this.paths.join(dir, candidate);
        if (this.isExecutable(file)) return file;
      }
    }
    return null;
  }

  /** Whether a file is a program this user may run (on Windows: a file). */
  canRun(file: string): boolean {
    return this.isExecutable(file);
  }

  /** An environment variable; on Windows names are case-insensitive (`Path`, `ComSpec`). */
  private env(name: string): string | undefined {
    const key = Object.keys(this.deps.env).find((k) => (this.win ? k.toUpperCase() === name : k === name));
    return key === undefined ? undefined : this.deps.env[key];
  }

  private async mergePaths(): Promise<string> {
    const own = this.env('PATH') ?? '';
    const login = this.win ? null : await this.deps.loginShellPath().catch(() => null);
    const delimiter = this.paths.delimiter;
    const seen = new Set<string>();
    const entries: string[] = [];
    for (const entry of [...(login ?? '').split(delimiter), ...own.split(delimiter)]) {
      const id = this.win ? entry.toLowerCase() : entry;
      if (entry === '' || seen.has(id)) continue;
      seen.add(id);
      entries.push(entry);
    }
    return entries.join(delimiter);
  }

  /** File names to try: on Windows the PATHEXT extensions, unless the name already has one. */
  private candidates(name: string): string[] {
    if (!this.win) return [name];
    const exts = (this.env('PATHEXT') || '.COM;.EXE;.BAT;.CMD')
      .split(';')
      .filter((ext) => ext.startsWith('.'))
      .map((ext) => ext.toLowerCase());
    return exts.includes(this.paths.extname(name).toLowerCase()) ? [name] : exts.map((ext) => name + ext);
  }

  private launch(file: string, args: string[]): ResolvedCommand {
    if (!this.win || !/\.(cmd|bat)$/i.test(file)) return { ok: true, file, args };
    // Since Node's CVE-2024-27980 fix a batch file cannot be spawned without a shell, so we build
    // cmd's command line ourselves. A line break would end the command there, and `%` in the
    // path would expand inside its quotes: refuse both rather than run something else.
    if (args.some((arg) => /[\r\n]/.test(arg)) || file.includes('%')) {
      return {
        ok: false,
        reason: `cmd.exe cannot safely run ${file} with a line break in an argument or % in its path.`,
      };
    }
    // The path is quoted (it cannot contain `"`; within quotes `& ( ) ^` and spaces are text).
    // Arguments get carets twice: cmd /c removes one round, and the batch file re-parses its
    // arguments (%* in npx.cmd) and removes the second, so `&` or a quote never becomes syntax.
    const line = [`"${file}"`, ...args.map((arg) => caret(caret(quoteArgument(arg))))].join(' ');
    return {
      ok: true,
      file: this.env('COMSPEC') || 'cmd.exe',
      args: ['/d', '/s', '/c', `"${line}"`],
      windowsVerbatimArguments: true,
    };
  }

  private missing(command: string, hasDir: boolean): string {
    const name = this.paths.basename(command).replace(/\.(exe|cmd|bat|com)$/i, '');
    const hint = HINTS.get(name.toLowerCase()) ?? 'Install it';
    const fix = hasDir ? 'with the correct path' : `with the full path to ${command}`;
    const what = hasDir ? 'was not found or is not executable' : 'was not found';
    // Plain quotes: the reason is shown as text in the app and the CLI, never as Markdown.
    return `"${command}" ${what}. ${hint}, then press Restart; or remove the service and add it again ${fix}.`;
  }
}

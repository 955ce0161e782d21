import fs from 'node:fs';
import path from 'node:path';

/**
 * Launch at login on Linux: an XDG autostart entry, `$XDG_CONFIG_HOME/autostart/mcp-tray.desktop`
 * (https://specifications.freedesktop.org/autostart-spec/latest/), which GNOME, KDE, Xfce and
 * the others run at login. Electron's `setLoginItemSettings` does nothing on Linux.
 */

/** The file name of our entry. */
const AUTOSTART_FILE = 'mcp-tray.desktop';

// Characters that force an argument into double quotes (Desktop Entry spec, "The Exec key").
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * Quotes one argument for an `Exec` line: arguments with reserved characters go in double
 * quotes, inside which `"`, `` ` ``, `$` and `\` are backslash-escaped; `%` is doubled so it is
 * not read as a field code. Line breaks cannot be represented and are refused.
 */
export function quoteExecArg(arg: string): string {
  if (/[\r\n]/.test(arg)) throw new Error('An autostart command cannot contain a line break.');
  const literal = arg.replace(/%/g, '%%');
  if (literal !== '' && !RESERVED.test(literal)) return literal;
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * The `Exec` value as written in the file. The spec applies the string-value escapes before the
 * quoting rules, so every backslash of the quoted command is escaped once more (a literal
 * backslash inside quotes ends up as four).
 */
export function execLine(argv: readonly string[]): string {
  return argv.map(quoteExecArg).join(' ').replace(/\\/g, '\\\\').replace(/\t/g, '\\t');
}

/** The whole desktop entry for `argv`. */
export function autostartEntry(argv: readonly string[], name = 'MCP Tray'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${name}`,
    'Comment=Runs your MCP servers for your AI clients, from the tray',
    `Exec=${execLine(argv)}`,
    'Icon=mcp-tray',
    'Terminal=false',
    'NoDisplay=false',
    'X-GNOME-Autostart-enabled=true',
    // GNOME delays it a little so the tray (AppIndicator) is there when we add our icon.
    'X-GNOME-Autostart-Delay=2',
    '',
  ].join('\n');
}

/** Where the entry goes and what it runs. */
export interface XdgAutostartOptions {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** The command that starts the app at login (already including `--hidden`). */
  argv: readonly string[];
}

/** The autostart folder: `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart`. */
export function autostartDir(env: XdgAutostartOptions['env'], home: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return path.join(
    configHome && path.isAbsolute(configHome) ? configHome : path.join(home, '.config'),
    'autostart',
  );
}

/** Reads, writes and removes our autostart entry. */
export class XdgAutostart {
  readonly file: string;

  constructor(private readonly options: XdgAutostartOptions) {
    this.file = path.join(autostartDir(options.env, options.home), AUTOSTART_FILE);
  }

  /** Whether the entry exists and is not switched off (`Hidden=true` or `X-GNOME-Autostart-enabled=false`). */
  isEnabled(): boolean {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return false;
    }
    return (
      !/^Hidden\s*=\s*true\s*$/im.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/im.test(text)
    );
  }

  /** Writes (or rewrites, with the current command) the entry, atomically. */
  enable(): void {
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = path.join(dir, `.${AUTOSTART_FILE}.${process.pid}.tmp`);
    fs.writeFileSync(temp, autostartEntry(this.options.argv));
    // Readable by the session manager whatever the umask; never executable or group-writable.
    fs.chmodSync(temp, 0o644);
    fs.renameSync(temp, this.file);
  }

  /** Removes the entry; no entry is fine. */
  disable(): void {
    fs.rmSync(this.file, { force: true });
  }

  /** Writes or removes the entry. */
  set(enabled: boolean): void {
    if (enabled) this.enable();
    else this.disable();
  }
}

/**
 * The command that starts this app at login. An AppImage runs from a temporary mount, so the
 * entry must name the AppImage file itself (`$APPIMAGE`); an unpackaged build needs its app
 * folder as the first argument.
 */
export function loginCommand(input: {
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  packaged: boolean;
  appPath: string;
}): string[] {
  if (input.env.APPIMAGE) return [input.env.APPIMAGE, '--hidden'];
  return input.packaged ? [input.execPath, '--hidden'] : [input.execPath, input.appPath, '--hidden'];
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import {
  XdgAutostart,
  autostartDir,
  autostartEntry,
  execLine,
  loginCommand,
  quoteExecArg,
} from './xdg-autostart';

/**
 * Reads an Exec value back the way the Desktop Entry spec says a launcher does: string escapes
 * first, then the quoting rules, then `%%` → `%`. Written from the spec, independently of the code.
 */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\([sntr\\])/g, (_m, c: string) =>
    c === 's' ? ' ' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\',
  );
  const args: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < unescaped.length; i++) {
    const c = unescaped[i]!;
    if (quoted) {
      if (c === '\\' && '"`$\\'.includes(unescaped[i + 1] ?? '')) current += unescaped[++i]!;
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === ' ' || c === '\t') {
      if (current !== null) args.push(current);
      current = null;
    } else if (c === '"') {
      quoted = true;
      current ??= '';
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== null) args.push(current);
  return args.map((arg) => arg.replace(/%%/g, '%'));
}

const execOf = (entry: string) => /^Exec=(.*)$/m.exec(entry)![1]!;

describe('Exec quoting', () => {
  it('leaves plain words alone and quotes reserved characters', () => {
    expect(quoteExecArg('/usr/bin/mcp-tray')).toBe('/usr/bin/mcp-tray');
    expect(quoteExecArg('--hidden')).toBe('--hidden');
    expect(quoteExecArg('/opt/MCP Tray/mcp-tray')).toBe('"/opt/MCP Tray/mcp-tray"');
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    expect(quoteExecArg('')).toBe('""');
    expect(quoteExecArg('100%')).toBe('100%%');
  });

  it('escapes backslashes once more for the string value (four for one inside quotes)', () => {
    expect(execLine(['/a b/c\\d'])).toBe('"/a b/c\\\\\\\\d"');
  });

  it('round-trips awkward paths through a spec reader', () => {
    const argv = [
      '/home/ada/Apps/MCP Tray (beta)/MCP-Tray.AppImage',
      'it\'s $HOME `x` \\ "q" 50% ~ & | ; < > * ? #',
      '\ttab',
      '--hidden',
    ];
    expect(parseExec(execLine(argv))).toEqual(argv);
  });

  it('refuses line breaks, which an Exec line cannot hold', () => {
    expect(() => quoteExecArg('a\nb')).toThrow(/line break/);
  });
});

describe('XdgAutostart', () => {
  it('writes the entry under $XDG_CONFIG_HOME/autostart, reads it back and removes it', () => {
    const home = tempDir();
    const config = path.join(home, 'xdg');
    const autostart = new XdgAutostart({
      env: { XDG_CONFIG_HOME: config },
      home,
      argv: ['/opt/MCP Tray/mcp-tray', '--hidden'],
    });
    expect(autostart.file).toBe(path.join(config, 'autostart', 'mcp-tray.desktop'));
    expect(autostart.isEnabled()).toBe(false);
    autostart.set(true);
    expect(autostart.isEnabled()).toBe(true);
    const text = fs.readFileSync(autostart.file, 'utf8');
    expect(text).toBe(autostartEntry(['/opt/MCP Tray/mcp-tray', '--hidden']));
    expect(text.split('\n').slice(0, 2)).toEqual(['[Desktop Entry]', 'Type=Application']);
    expect(text).toMatch(/^X-GNOME-Autostart-enabled=true$/m);
    expect(text).toMatch(/^Name=MCP Tray$/m);
    expect(parseExec(execOf(text))).toEqual(['/opt/MCP Tray/mcp-tray', '--hidden']);
    expect(fs.statSync(autostart.file).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(path.dirname(autostart.file))).toEqual(['mcp-tray.desktop']);
    autostart.set(false);
    expect(fs.existsSync(autostart.file)).toBe(false);
    expect(autostart.isEnabled()).toBe(false);
    autostart.disable();
  });

  it('treats an entry the user switched off in their session settings as off', () => {
    const home = tempDir();
    const autostart = new XdgAutostart({ env: {}, home, argv: ['/usr/bin/mcp-tray', '--hidden'] });
    autostart.enable();
    const text = fs.readFileSync(autostart.file, 'utf8');
    fs.writeFileSync(
      autostart.file,
      text.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(autostart.isEnabled()).toBe(false);
    fs.writeFileSync(autostart.file, `${text}Hidden=true\n`);
    expect(autostart.isEnabled()).toBe(false);
    // Enabling again writes a fresh entry.
    autostart.enable();
    expect(autostart.isEnabled()).toBe(true);
  });

  it('uses ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    expect(autostartDir({}, '/home/ada')).toBe('/home/ada/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'rel' }, '/home/ada')).toBe('/home/ada/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: '/x' }, '/home/ada')).toBe('/x/autostart');
  });
});

describe('loginCommand', () => {
  it('names the AppImage, the packaged binary, or Electron with the app folder, then --hidden', () => {
    const base = { execPath: '/tmp/.mount_abc/mcp-tray', appPath: '/src/app', packaged: true };
    expect(loginCommand({ ...base, env: { APPIMAGE: '/home/ada/MCP-Tray.AppImage' } })).toEqual([
      '/home/ada/MCP-Tray.AppImage',
      '--hidden',
    ]);
    expect(loginCommand({ ...base, execPath: '/opt/MCP Tray/mcp-tray', env: {} })).toEqual([
      '/opt/MCP Tray/mcp-tray',
      '--hidden',
    ]);
    expect(loginCommand({ ...base, execPath: '/n/electron', packaged: false, env: {} })).toEqual([
      '/n/electron',
      '/src/app',
      '--hidden',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  closeAction,
  parseGsettingsList,
  readGnomeExtensions,
  startupWindow,
  trayAvailability,
} from './tray-availability';

const linux = (XDG_CURRENT_DESKTOP: string | undefined, gnomeExtensions: string[] | null = [], extra = {}) =>
  trayAvailability({ platform: 'linux', env: { XDG_CURRENT_DESKTOP, ...extra }, gnomeExtensions }).tray;

describe('trayAvailability', () => {
  it('has a tray on macOS and Windows', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(trayAvailability({ platform, env: {}, gnomeExtensions: null }).tray).toBe(true);
    }
  });

  it('has none on plain GNOME, one with an AppIndicator or KStatusNotifierItem extension', () => {
    expect(linux('GNOME')).toBe(false);
    expect(linux('GNOME', ['dash-to-dock@micxgx.gmail.com'])).toBe(false);
    expect(linux('GNOME', ['appindicatorsupport@rgcjonas.gmail.com'])).toBe(true);
    expect(linux('GNOME', ['ubuntu-appindicators@ubuntu.com'])).toBe(true);
    expect(
      linux('GNOME', ['status-icons@gnome-shell-extensions.gcampax.github.com', 'kstatusnotifieritem@x']),
    ).toBe(true);
    expect(linux('GNOME-Classic:GNOME', [])).toBe(false);
  });

  it('assumes no tray on GNOME when the extensions cannot be read (the window is the safe choice)', () => {
    const result = trayAvailability({
      platform: 'linux',
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      gnomeExtensions: null,
    });
    expect(result.tray).toBe(false);
    expect(result.reason).toMatch(/extensions/);
  });

  it("trusts Ubuntu's session and GNOME Flashback, which ship tray support", () => {
    expect(linux('ubuntu:GNOME', [])).toBe(true);
    expect(linux('GNOME', [], { GNOME_SHELL_SESSION_MODE: 'ubuntu' })).toBe(true);
    expect(linux('GNOME-Flashback:GNOME', null)).toBe(true);
  });

  it('has a tray on the other desktops and when the desktop is unknown', () => {
    for (const desktop of ['KDE', 'XFCE', 'X-Cinnamon', 'MATE', 'LXQt', 'Budgie:GNOME', 'Unity', undefined]) {
      expect(linux(desktop, null), String(desktop)).toBe(true);
    }
  });
});

describe('parseGsettingsList', () => {
  it('reads GVariant string arrays', () => {
    expect(parseGsettingsList("['a@b.c', 'd@e.f']\n")).toEqual(['a@b.c', 'd@e.f']);
    expect(parseGsettingsList('@as []')).toEqual([]);
    expect(parseGsettingsList('[]')).toEqual([]);
    expect(parseGsettingsList(`["it's@x"]`)).toEqual(["it's@x"]);
    expect(parseGsettingsList(`['a\\'b@x']`)).toEqual(["a'b@x"]);
  });

  it('gives null for anything else', () => {
    expect(parseGsettingsList('No such schema “org.gnome.shell”')).toBeNull();
    expect(parseGsettingsList("['a', oops]")).toBeNull();
    expect(parseGsettingsList('')).toBeNull();
  });
});

describe('readGnomeExtensions', () => {
  const runner = (answers: Record<string, string | Error>) => async (_file: string, args: string[]) => {
    const answer = answers[args[2]!];
    if (answer instanceof Error || answer === undefined) throw answer ?? new Error('no such key');
    return answer;
  };

  it('reads the enabled extensions unless user extensions are switched off', async () => {
    expect(
      await readGnomeExtensions(
        runner({ 'enabled-extensions': "['x@y']", 'disable-user-extensions': 'false' }),
      ),
    ).toEqual(['x@y']);
    expect(
      await readGnomeExtensions(
        runner({ 'enabled-extensions': "['x@y']", 'disable-user-extensions': 'true\n' }),
      ),
    ).toEqual([]);
    expect(await readGnomeExtensions(runner({ 'enabled-extensions': "['x@y']" }))).toEqual(['x@y']);
  });

  it('fails soft when gsettings is missing or answers nonsense', async () => {
    expect(await readGnomeExtensions(runner({ 'enabled-extensions': new Error('ENOENT') }))).toBeNull();
    expect(await readGnomeExtensions(runner({ 'enabled-extensions': 'garbage' }))).toBeNull();
  });
});

describe('window behaviour', () => {
  it('minimises on close without a tray, closes with one', () => {
    expect(closeAction(true)).toBe('close');
    expect(closeAction(false)).toBe('minimize');
  });

  it('starts hidden at login only where a tray can bring it back', () => {
    expect(startupWindow({ hidden: false, tray: true })).toBe('shown');
    expect(startupWindow({ hidden: false, tray: false })).toBe('shown');
    expect(startupWindow({ hidden: true, tray: true })).toBe('hidden');
    expect(startupWindow({ hidden: true, tray: false })).toBe('minimized');
  });
});

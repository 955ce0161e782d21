/**
 * Whether the desktop can show our tray icon, and what the window does about it. GNOME Shell
 * has no tray: icons appear only with an AppIndicator / KStatusNotifierItem extension, which
 * Ubuntu enables in its own session and other distributions leave to the user. Without one,
 * a tray app started hidden would leave the user with nothing to click, so the window opens
 * at launch and closing it minimises instead.
 */

/** The facts that decide whether a tray icon will be visible. */
export interface TrayAvailabilityInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * GNOME Shell extensions that are enabled (UUIDs), or null when they could not be read.
   * Only consulted on GNOME.
   */
  gnomeExtensions: readonly string[] | null;
}

/** Whether there is a tray, and why. */
export interface TrayAvailability {
  tray: boolean;
  /** Why, for the log. */
  reason: string;
}

/** UUIDs of extensions that show StatusNotifierItem / AppIndicator icons in GNOME Shell. */
const TRAY_EXTENSION = /appindicator|kstatusnotifier|statusnotifier|topicons|tray-?icons|trayiconsreloaded/i;

/** The desktop names in `XDG_CURRENT_DESKTOP` (colon separated), lower-cased. */
function desktops(env: TrayAvailabilityInput['env']): string[] {
  const value = env.XDG_CURRENT_DESKTOP || env.XDG_SESSION_DESKTOP || env.DESKTOP_SESSION || '';
  return value
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether a tray icon will be visible on this desktop. */
export function trayAvailability({
  platform,
  env,
  gnomeExtensions,
}: TrayAvailabilityInput): TrayAvailability {
  if (platform !== 'linux') return { tray: true, reason: `${platform} always has a tray` };
  const names = desktops(env);
  // The first name is the desktop itself; later ones are what it is compatible with
  // (Budgie:GNOME has a tray of its own, GNOME-Classic:GNOME does not).
  const primary = names[0] ?? '';
  const gnome =
    names.includes('gnome') && ['gnome', 'gnome-classic', 'gnome-flashback', 'ubuntu'].includes(primary);
  if (!gnome) {
    return {
      tray: true,
      reason: names.length ? `${names.join(':')} shows tray icons` : 'unknown desktop; assuming a tray',
    };
  }
  // Flashback's panel and Ubuntu's session (ubuntu:GNOME) ship tray support of their own.
  if (
    names.includes('gnome-flashback') ||
    names.includes('ubuntu') ||
    env.GNOME_SHELL_SESSION_MODE === 'ubuntu'
  ) {
    return { tray: true, reason: 'this GNOME session shows tray icons' };
  }
  if (gnomeExtensions === null) {
    return { tray: false, reason: 'GNOME without a readable list of extensions; assuming no tray' };
  }
  const extension = gnomeExtensions.find((uuid) => TRAY_EXTENSION.test(uuid));
  return extension
    ? { tray: true, reason: `GNOME with the ${extension} extension` }
    : { tray: false, reason: 'GNOME without an AppIndicator/KStatusNotifierItem extension' };
}

/**
 * Parses the output of `gsettings get org.gnome.shell enabled-extensions`: a GVariant string
 * array such as `['a@b.c', 'd@e.f']` or `@as []`. Returns null for anything else.
 */
export function parseGsettingsList(output: string): string[] | null {
  const text = output.trim().replace(/^@as\s+/, '');
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  const item = /\s*(['"])((?:\\.|(?!\1).)*)\1\s*(,|$)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = item.exec(inner)) !== null) {
    items.push(match[2]!.replace(/\\(.)/g, '$1'));
    consumed = item.lastIndex;
    if (consumed >= inner.length) break;
  }
  return consumed >= inner.length ? items : null;
}

/** Runs a program and resolves with its stdout, or rejects (injected: main uses execFile). */
export type RunProgram = (file: string, args: string[]) => Promise<string>;

/**
 * The GNOME Shell extensions that are on: `enabled-extensions`, or none when the user turned
 * all user extensions off. Fails soft: null when gsettings is missing or says something odd.
 */
export async function readGnomeExtensions(run: RunProgram): Promise<string[] | null> {
  try {
    const enabled = parseGsettingsList(
      await run('gsettings', ['get', 'org.gnome.shell', 'enabled-extensions']),
    );
    if (enabled === null) return null;
    const disabled = await run('gsettings', ['get', 'org.gnome.shell', 'disable-user-extensions']).catch(
      () => 'false',
    );
    return disabled.trim() === 'true' ? [] : enabled;
  } catch {
    return null;
  }
}

/** What closing the main window does while the app keeps running. */
export type CloseAction = 'close' | 'minimize';

/** With a tray the window really closes (the app stays in the tray); without one it minimises. */
export function closeAction(tray: boolean): CloseAction {
  return tray ? 'close' : 'minimize';
}

/** How the window starts: hidden in the tray, shown, or minimised (no tray to open it from). */
export type StartupWindow = 'hidden' | 'shown' | 'minimized';

/** A launch at login stays out of the way; without a tray it still leaves a window in the taskbar. */
export function startupWindow({ hidden, tray }: { hidden: boolean; tray: boolean }): StartupWindow {
  if (!hidden) return 'shown';
  return tray ? 'hidden' : 'minimized';
}

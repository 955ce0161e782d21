import type { Preferences } from '../../shared/contract';
import type { EventBus } from '../event-bus';
import type { Settings } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where preferences live, who hears of a change, and the one the core applies itself. */
export interface PreferencesServiceDeps {
  settings: SettingsStore;
  bus: EventBus;
  /** Applies a new log retention (the tool-call log drops older calls). */
  setLogRetentionMs: (ms: number) => void;
}

const fromSettings = (s: Settings): Preferences => ({
  theme: s.ui.theme,
  logRetentionDays: s.logRetentionDays,
  driftPolicy: s.driftPolicy,
  launchAtLogin: s.launchAtLogin,
});

/**
 * The app-wide choices of the Settings screen. Launch at login is only stored here: the
 * desktop shell listens for `preferencesChanged` and registers the login item itself.
 */
export class PreferencesService {
  constructor(private readonly deps: PreferencesServiceDeps) {}

  get(): Preferences {
    return fromSettings(this.deps.settings.read());
  }

  /** The retention in force at start-up, for the tool-call log. */
  logRetentionMs(): number {
    return this.get().logRetentionDays * DAY_MS;
  }

  set(change: Partial<Preferences>): Preferences {
    const before = this.get();
    const next = fromSettings(
      this.deps.settings.update((s) => ({
        ...s,
        ui: { ...s.ui, theme: change.theme ?? s.ui.theme },
        logRetentionDays: change.logRetentionDays ?? s.logRetentionDays,
        driftPolicy: change.driftPolicy ?? s.driftPolicy,
        launchAtLogin: change.launchAtLogin ?? s.launchAtLogin,
      })),
    );
    if (next.logRetentionDays !== before.logRetentionDays) this.deps.setLogRetentionMs(this.logRetentionMs());
    this.deps.bus.emit('preferencesChanged', { preferences: next });
    return next;
  }
}

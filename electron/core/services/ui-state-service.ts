import type { UiFlag, UiState } from '../../shared/contract';
import type { SettingsStore } from '../settings/settings-store';

/** Small facts the UI remembers across runs (the first-run welcome was closed). */
export class UiStateService {
  constructor(private readonly settings: SettingsStore) {}

  get(): UiState {
    return { welcomeDismissed: this.settings.read().ui.welcomeDismissed };
  }

  set(flag: UiFlag, value: boolean): UiState {
    this.settings.update((s) => ({ ...s, ui: { ...s.ui, [flag]: value } }));
    return this.get();
  }
}

import type { LaunchPreview, RegistryField } from '../../shared/registry-contract';
import type { InstanceConfig } from '../settings/settings-schema';

/** Values and secrets the user gives with an update (the new version's new fields). */
export type Given = { values?: Record<string, string>; secrets?: Record<string, string> };

/** What a new version would run, and what applying it writes. */
export interface Candidate {
  after: LaunchPreview;
  missing: RegistryField[];
  patch: Partial<InstanceConfig>;
  /** Keychain items to write first: `[account, value]`. */
  secrets: [string, string][];
  /** Files unpacked for it (a bundle's new version): deleted if it is not applied. */
  unpacked?: string;
}

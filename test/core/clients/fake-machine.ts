import type { AdapterContext } from '../../../electron/core/clients/client-adapter';

/** A made-up machine for adapter tests: platform, home, env and which paths exist. */
export interface FakeMachine {
  platform: NodeJS.Platform;
  home: string;
  env?: Record<string, string>;
  existing?: string[];
  files?: Record<string, string>;
}

/** An adapter context answering from a {@link FakeMachine}, touching no real file. */
export function machine({
  platform,
  home,
  env = {},
  existing = [],
  files = {},
}: FakeMachine): AdapterContext {
  const present = new Set([...existing, ...Object.keys(files)]);
  return {
    platform,
    home,
    env,
    exists: (path) => present.has(path),
    readText: (path) => files[path] ?? null,
  };
}

/** Windows with the usual profile variables. */
export const windowsEnv = {
  APPDATA: 'C:\\Users\\ada\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
};

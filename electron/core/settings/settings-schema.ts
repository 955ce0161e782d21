import { z } from 'zod';

/** Current settings schema version; bump it and add a migration in `settings-migrations.ts`. */
export const SETTINGS_VERSION = 1;

/** One configured use of an integration. Secrets are never here (they live in the keychain). */
export const InstanceConfig = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().min(1).max(200),
  integrationId: z.string().min(1),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type InstanceConfig = z.infer<typeof InstanceConfig>;

export const Settings = z.looseObject({
  instances: z.array(InstanceConfig).default([]),
  ui: z.object({ theme: z.enum(['system', 'light', 'dark']).default('system') }).default({ theme: 'system' }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});

import * as z from 'zod';
import { AuthConfig } from '../auth/auth-config';
import { lazily } from '../../shared/lazy-schema';

/**
 * The integration manifest: Anthropic's MCPB `manifest.json` (spec 0.3), of which we read what
 * we run, plus our own extension under `_meta["dev.mcptray"]` for what MCPB lacks (sign-in).
 */

const McpConfigBase = lazily(() =>
  z.object({
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
  }),
);

const McpConfig = lazily(() =>
  McpConfigBase.extend({
    platform_overrides: z.record(z.string(), McpConfigBase.partial()).optional(),
  }),
);

export const UserConfigField = lazily(() =>
  z.object({
    type: z.enum(['string', 'number', 'boolean', 'directory', 'file']),
    title: z.string(),
    description: z.string().default(''),
    required: z.boolean().default(false),
    default: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
    multiple: z.boolean().default(false),
    sensitive: z.boolean().default(false),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
);
export type UserConfigField = z.infer<typeof UserConfigField>;

/** Our extension: how an integration signs in (the auth issue fills in the flows). */
const TrayExtension = lazily(() =>
  z.looseObject({
    category: z.enum(['built-in', 'community', 'remote', 'custom']).optional(),
    /** Runtimes the command needs, for "uvx not found"-style hints in the catalog. */
    runtimes: z.array(z.string()).optional(),
    auth: AuthConfig.optional(),
  }),
);

export const Manifest = lazily(() =>
  z.looseObject({
    manifest_version: z.string(),
    name: z.string().min(1),
    display_name: z.string().optional(),
    version: z.string(),
    description: z.string(),
    author: z.object({ name: z.string(), email: z.string().optional(), url: z.string().optional() }),
    icon: z.string().optional(),
    homepage: z.string().optional(),
    server: z.object({
      type: z.enum(['node', 'python', 'binary', 'uv']),
      entry_point: z.string().optional(),
      mcp_config: McpConfig,
    }),
    user_config: z.record(z.string(), UserConfigField).default({}),
    _meta: z.looseObject({ 'dev.mcptray': TrayExtension.optional() }).optional(),
  }),
);
export type Manifest = z.infer<typeof Manifest>;

/** A manifest and where it lives (`${__dirname}`). */
export interface Integration {
  id: string;
  manifest: Manifest;
  dir: string;
  category: 'built-in' | 'community' | 'remote' | 'custom';
}

/** The `mcp_config` for this platform, with `platform_overrides` applied. */
export function mcpConfigFor(manifest: Manifest, platform: NodeJS.Platform): z.infer<typeof McpConfigBase> {
  const { platform_overrides: overrides, ...base } = manifest.server.mcp_config;
  const override = overrides?.[platform] ?? {};
  return {
    command: override.command ?? base.command,
    args: override.args ?? base.args,
    env: { ...base.env, ...override.env },
  };
}

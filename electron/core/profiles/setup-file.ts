import * as z from 'zod';
import { InstanceId } from '../../shared/instance-id';
import { PermissionProfile } from '../../shared/permissions-contract';
import { LaunchConfig, Profile, RegistrySource } from '../settings/settings-schema';
import { lazily } from '../../shared/lazy-schema';

/** The format this version writes and the newest it reads. */
export const SETUP_FORMAT = 1;

const ConfigValue = lazily(() => z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));

/** One service as moved between computers: no secret, no sign-in, nothing tied to this machine. */
export const SetupService = lazily(() =>
  z
    .object({
      id: InstanceId,
      name: z.string().min(1).max(200),
      integrationId: z.string().min(1),
      enabled: z.boolean(),
      launch: LaunchConfig.optional(),
      remote: z
        .object({
          url: z.url(),
          headers: z.record(z.string(), z.string()).optional(),
          secretHeaders: z.array(z.string()).optional(),
        })
        .optional(),
      userConfig: z.record(z.string(), ConfigValue).default({}),
      /** Names only: the values are asked for on the other computer. */
      secretFields: z.array(z.string()).default([]),
      requestTimeoutMs: z.number().int().positive().optional(),
      startTimeoutMs: z.number().int().positive().optional(),
      disabledTools: z.array(z.string()).default([]),
      /** A registry install, at its pinned version. */
      registry: RegistrySource.optional(),
      permissions: PermissionProfile.optional(),
    })
    .strict(),
);
export type SetupService = z.infer<typeof SetupService>;

const SetupClient = lazily(() =>
  z
    .object({
      selected: z.array(z.string()).default([]),
      profile: z.string().optional(),
      entryMode: z.enum(['per-service', 'combined']).optional(),
      transport: z.enum(['stdio', 'http']).default('stdio'),
    })
    .strict(),
);

export const SetupFile = lazily(() =>
  z
    .object({
      mcpTraySetup: z.number().int().positive(),
      appVersion: z.string().max(100),
      exportedAt: z.string().max(100),
      services: z.array(SetupService).max(500),
      profiles: z.array(Profile).max(200).default([]),
      clients: z.record(z.string(), SetupClient).default({}),
    })
    .strict(),
);
export type SetupFile = z.infer<typeof SetupFile>;

/**
 * Where the input has keys the schema dropped (nested objects that are not strict): an unknown
 * field is refused in words rather than ignored.
 */
function unknownFields(input: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, i) => unknownFields(item, parsed[i], `${at}[${i}]`));
  }
  if (!isObject(input) || !isObject(parsed)) return [];
  return Object.keys(input).flatMap((key) => {
    const path = at ? `${at}.${key}` : key;
    return key in parsed ? unknownFields(input[key], parsed[key], path) : [path];
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a setup file or says, in words, why it will not be used. */
export function readSetupFile(text: string): SetupFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`This is not a setup file: it is not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
  if (!isObject(raw) || typeof raw.mcpTraySetup !== 'number') {
    throw new Error('This is not an MCP Tray setup file (it has no "mcpTraySetup" format number).');
  }
  if (raw.mcpTraySetup > SETUP_FORMAT) {
    throw new Error(
      `This setup file was written by a newer MCP Tray (${String(raw.appVersion ?? 'unknown version')}, ` +
        `setup format ${raw.mcpTraySetup}); this version reads format ${SETUP_FORMAT}. Update MCP Tray, then import it.`,
    );
  }
  const parsed = SetupFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(', ');
      throw new Error(
        `The setup file has fields this version does not know (${keys}); nothing was imported.`,
      );
    }
    throw new Error(
      `The setup file is not valid at ${where || 'the top'}: ${issue.message}. Nothing was imported.`,
    );
  }
  const extra = unknownFields(raw, parsed.data);
  if (extra.length > 0) {
    throw new Error(
      `The setup file has fields this version does not know (${extra.join(', ')}); nothing was imported.`,
    );
  }
  return parsed.data;
}

import * as z from 'zod';
import { lazily } from './lazy-schema';

/**
 * How much a local server is confined (issue 15):
 * - `standard`: reads everything except secret stores, writes only its own folder, the temp
 *   folder and grants; the network is open.
 * - `strict`: as standard, and the network reaches only the listed hosts.
 * - `none`: not sandboxed (the user chose it, or the instance predates sandboxing).
 */
export const PermissionLevel = lazily(() => z.enum(['standard', 'strict', 'none']));
export type PermissionLevel = z.infer<typeof PermissionLevel>;

/** A host the network filter accepts: a name with a dot, `*.name`, an IP, an optional `:port`. */
const NetHost = lazily(() =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/,
      'a host name such as api.github.com or *.github.com (optionally :port)',
    ),
);

/** One instance's permission profile, kept in settings (paths are absolute and existed when granted). */
export const PermissionProfile = lazily(() =>
  z.object({
    level: PermissionLevel,
    /** Folders or files the server may read even where the secret-store rules deny it. */
    allowRead: z.array(z.string()).default([]),
    /** Folders or files the server may write besides its own folder and the temp folder. */
    allowWrite: z.array(z.string()).default([]),
    /** Hosts the network reaches under `strict` (under `standard` the network is open). */
    allowNet: z.array(NetHost).default([]),
    /** Why the profile is what it is, when it was not the user's choice (an upgrade). */
    note: z.string().optional(),
  }),
);
export type PermissionProfile = z.infer<typeof PermissionProfile>;

/** What `status --json` says per instance: the level in force, or that the OS cannot sandbox. */
export const SandboxStatus = lazily(() => z.enum(['standard', 'strict', 'none', 'unavailable']));
export type SandboxStatus = z.infer<typeof SandboxStatus>;

/** The profile as shown: the data, the words, and what the sandbox blocked lately. */
export const PermissionsView = lazily(() =>
  z.object({
    instanceId: z.string(),
    profile: PermissionProfile,
    sandbox: SandboxStatus,
    /** Why the OS cannot sandbox this instance, and how to fix it (only when unavailable). */
    unavailable: z.object({ reason: z.string(), fix: z.string() }).nullable(),
    /** The profile in sentences: "Can read your files except …", "Can reach api.github.com". */
    summary: z.array(z.string()),
    /** Blocked attempts since the app started (denied network requests, reported file denials). */
    blockedCount: z.number().int().nonnegative(),
    /** The latest blocked attempts, newest last, as they appear in the instance's log. */
    recentBlocked: z.array(z.string()),
    /** Secret stores and other folders it can never read (unless granted). */
    deniedRead: z.array(z.string()),
    /** Where it can write. */
    writable: z.array(z.string()),
  }),
);
export type PermissionsView = z.infer<typeof PermissionsView>;

/**
 * A change to a profile. Paths must be absolute, without `..`, and exist; a refused path is an
 * error in words and nothing changes. `denyNet` removes hosts from the allow list.
 */
export const EditPermissions = lazily(() =>
  z
    .object({
      id: z.string().min(1).max(63),
      level: PermissionLevel.optional(),
      allowRead: z.array(z.string().min(1).max(4096)).max(100).default([]),
      allowWrite: z.array(z.string().min(1).max(4096)).max(100).default([]),
      allowNet: z.array(NetHost).max(100).default([]),
      denyNet: z.array(NetHost).max(100).default([]),
      /** Take these paths out of the read/write grants. */
      revokePath: z.array(z.string().min(1).max(4096)).max(100).default([]),
    })
    .strict(),
);
export type EditPermissions = z.input<typeof EditPermissions>;

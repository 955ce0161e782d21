import * as z from 'zod';
import { lazily, spec } from './lazy-schema';

/** What a profile name may be: the one rule for settings, requests and the HTTP endpoint's paths. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/;

/** Profile names: shown to users and typed on command lines. */
export const ProfileName = lazily(() =>
  z.string().regex(PROFILE_NAME_PATTERN, 'a profile name is 1 to 40 letters, digits, spaces, _ . or -'),
);

/** One service in a profile: all its tools (`tools: null`) or only those named. */
export const ProfileServiceChoice = lazily(() =>
  z
    .object({
      instance: z.string().min(1).max(63),
      tools: z.array(z.string().min(1).max(200)).max(500).nullable().default(null),
    })
    .strict(),
);
export type ProfileServiceChoice = z.input<typeof ProfileServiceChoice>;

export const ProfileInfo = lazily(() =>
  z.object({
    name: z.string(),
    /** "Everything": every service with every tool; cannot be renamed, changed or deleted. */
    builtIn: z.boolean(),
    services: z.array(
      z.object({
        instance: z.string(),
        /** The service's name, or null when it was removed (the profile works without it). */
        name: z.string().nullable(),
        tools: z.array(z.string()).nullable(),
      }),
    ),
    /** Services the profile names that no longer exist. */
    missing: z.array(z.string()),
    /** Clients that use this profile. */
    clients: z.array(z.string()),
  }),
);
export type ProfileInfo = z.infer<typeof ProfileInfo>;

/** How a client's config reaches MCP Tray: an entry per service, or one for the whole profile. */
export const EntryMode = lazily(() => z.enum(['per-service', 'combined']));
export type EntryMode = z.infer<typeof EntryMode>;

export const EditProfile = lazily(() =>
  z
    .object({
      name: ProfileName,
      add: z.array(ProfileServiceChoice).max(500).default([]),
      remove: z.array(ProfileServiceChoice).max(500).default([]),
    })
    .strict(),
);
export type EditProfile = z.input<typeof EditProfile>;

/** One service as an import would add it, for the review. */
export const ImportItem = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['local', 'remote', 'built-in']),
    /** The exact program and arguments that will run (local), or the URL (remote). */
    command: z.string().nullable(),
    args: z.array(z.string()),
    /** Names of the environment variables it gets (values of secret ones are asked for). */
    envNames: z.array(z.string()),
    secretFields: z.array(z.string()),
    /** A registry install keeps its pinned version. */
    version: z.string().nullable(),
    /** Already here: skipped. */
    exists: z.boolean(),
  }),
);
export type ImportItem = z.infer<typeof ImportItem>;

export const ImportReview = lazily(() =>
  z.object({
    services: z.array(ImportItem),
    profiles: z.array(z.string()),
    clients: z.array(z.string()),
    /** Things in the file that will not be imported, in words. */
    notes: z.array(z.string()),
  }),
);
export type ImportReview = z.infer<typeof ImportReview>;

const ApplyImport = lazily(() =>
  z
    .object({
      text: z.string().max(5_000_000),
      /** Secret values by service id and field name; never written anywhere but the keychain. */
      secrets: z.record(z.string(), z.record(z.string(), z.string().max(100_000))).default({}),
    })
    .strict(),
);
type ApplyImport = z.input<typeof ApplyImport>;

export const profileRequests = {
  listProfiles: spec(() => ({ input: z.object({}).strict(), output: z.array(ProfileInfo) })),
  createProfile: spec(() => ({ input: z.object({ name: ProfileName }).strict(), output: ProfileInfo })),
  /** Clients that used it go back to Everything. */
  deleteProfile: spec(() => ({
    input: z.object({ name: ProfileName }).strict(),
    output: z.array(ProfileInfo),
  })),
  /** Clients that used it follow the new name. */
  renameProfile: spec(() => ({
    input: z.object({ name: ProfileName, to: ProfileName }).strict(),
    output: ProfileInfo,
  })),
  /** Adds services or tools to a profile and removes others; sessions it affects re-list. */
  editProfile: spec(() => ({ input: EditProfile, output: ProfileInfo })),
  /** The setup as a file: services, their settings, profiles and client choices, no secret. */
  exportSetup: spec(() => ({
    input: z.object({ profile: ProfileName.optional() }).strict(),
    output: z.object({ text: z.string() }),
  })),
  /** What importing a setup file would add (nothing is added); refuses a file it cannot trust. */
  planImport: spec(() => ({
    input: z.object({ text: z.string().max(5_000_000) }).strict(),
    output: ImportReview,
  })),
  applyImport: spec(() => ({
    input: ApplyImport,
    output: z.object({ added: z.array(z.string()), review: ImportReview }),
  })),
} as const;

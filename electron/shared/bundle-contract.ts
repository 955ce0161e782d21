import * as z from 'zod';
import { CatalogEntry, newInstanceFields } from './catalog-contract';
import { lazily } from './lazy-schema';

/** `.mcpb` bundles and small UI flags (kept apart so `contract.ts` stays readable). */

/** The largest `.mcpb` file the app accepts (the WebSocket frame carries it as base64). */
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

/** A bundle file the user picked, sent whole; nothing is extracted or run yet. */
export const InspectBundle = lazily(() =>
  z
    .object({
      fileName: z.string().min(1).max(255),
      dataBase64: z
        .string()
        .min(1)
        // base64 of MAX_BUNDLE_BYTES, rounded up to whole 4-character groups.
        .max(Math.ceil(MAX_BUNDLE_BYTES / 3) * 4, 'The bundle is larger than 20 MB.'),
    })
    .strict(),
);
export type InspectBundle = z.input<typeof InspectBundle>;

/** What a bundle is and would run, to show before the user confirms anything. */
export const BundleInfo = lazily(() =>
  z.object({
    /** Names the checked bundle held by the core for `addBundleInstance` (for a few minutes). */
    token: z.string(),
    version: z.string(),
    /** The manifest as a catalog entry (category `custom`); `launch` uses `${__dirname}` as is. */
    entry: CatalogEntry,
    fileCount: z.number().int().nonnegative(),
    /** Uncompressed size of all files. */
    totalBytes: z.number().int().nonnegative(),
  }),
);
export type BundleInfo = z.infer<typeof BundleInfo>;

export const AddBundleInstance = lazily(() =>
  z
    .object({
      token: z.string().min(1).max(200),
      ...newInstanceFields(),
    })
    .strict(),
);
export type AddBundleInstance = z.input<typeof AddBundleInstance>;

/** Small facts the UI remembers across runs (in settings, never secrets). */
export const UiState = lazily(() =>
  z.object({
    /** The user closed the first-run welcome (or had services before it existed). */
    welcomeDismissed: z.boolean(),
  }),
);
export type UiState = z.infer<typeof UiState>;

export const UiFlag = lazily(() => z.enum(['welcomeDismissed']));
export type UiFlag = z.infer<typeof UiFlag>;

export const SetUiFlag = lazily(() => z.object({ flag: UiFlag, value: z.boolean() }).strict());

/** Where the Electron binary is, found on disk without requiring the `electron` package. */
export function findElectronBinary(root?: string): { path: string | null; reason: string };
/** Why a desktop window cannot open here, or null when it can. */
export function noDisplayReason(): string | null;

/** Rewrites the `.mjs`/`.cjs`/`.js` files under `dirs` as ASCII; returns how many it changed. */
export function escapeNonAscii(dirs: string[]): number;

import path from 'node:path';

/** The built guardian; the Vitest setup rebuilds it from source before every run. */
export const GUARDIAN_SCRIPT = path.resolve(import.meta.dirname, '../../../dist/guardian/guardian.cjs');

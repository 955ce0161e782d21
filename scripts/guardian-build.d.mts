import type { BuildOptions } from 'esbuild';

/** The orphan guardian's esbuild options, writing `outfile`. */
export function guardianBuild(outfile: string): BuildOptions;
/** Where the build puts the guardian, relative to the project folder. */
export const GUARDIAN_OUTFILE: string;

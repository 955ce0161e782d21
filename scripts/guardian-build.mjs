// The orphan guardian's esbuild options, shared by the build and the test setup (which rebuilds
// it before every run, so tests never start a stale guardian).

/** One small CommonJS file with no dependencies: it must start fast, and run outside app.asar. */
export const guardianBuild = (outfile) => ({
  entryPoints: ['electron/core/supervisor/guardian/guardian-main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
});

/** Where the build puts it: unpacked next to app.asar in the packaged app (electron-builder.yml). */
export const GUARDIAN_OUTFILE = 'dist/guardian/guardian.cjs';

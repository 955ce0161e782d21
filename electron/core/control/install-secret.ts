import fs from 'node:fs';
import path from 'node:path';

/** File holding the per-install secret local clients prove themselves with. */
const installSecretFile = (dataDir: string): string => path.join(dataDir, 'install-secret');

/** Reads the per-install secret, creating it (0600) on first use. */
export function loadOrCreateInstallSecret(dataDir: string): string {
  const file = installSecretFile(dataDir);
  try {
    // node:crypto on demand: clients only read the secret, and loading it slows every CLI command.
    const random = process.getBuiltinModule('node:crypto').randomBytes(32);
    fs.writeFileSync(file, random.toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(secret)) throw new Error(`the install secret in ${file} is damaged; delete it`);
  return secret;
}

/** Reads the secret without creating it (clients); null when the app never ran here. */
export function readInstallSecret(dataDir: string): string | null {
  try {
    return fs.readFileSync(installSecretFile(dataDir), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * The environment a server gets: an allowlist of the user's variables (locale, home, temp,
 * proxies, certificates, Windows system folders), then the merged PATH, then the instance's
 * own variables and secrets. Anything else of ours (tokens, NODE_OPTIONS, Electron's flags)
 * stays out.
 */
const ALLOWED = new Set([
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_CACHE_HOME',
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'HOMEDRIVE',
  'HOMEPATH',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'PROGRAMFILES(X86)',
  'COMMONPROGRAMFILES',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'NVM_DIR',
  'VOLTA_HOME',
  'FNM_DIR',
]);

/** Variables a server inherits from the app's environment. */
function inheritedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const upper = key.toUpperCase();
    if (ALLOWED.has(upper) || upper.startsWith('LC_')) out[key] = value;
  }
  return out;
}

/** The full environment of one server process. */
export function childEnv(
  env: NodeJS.ProcessEnv,
  searchPath: string,
  own: Record<string, string>,
  secrets: Record<string, string>,
): Record<string, string> {
  const pathKey = process.platform === 'win32' ? 'Path' : 'PATH';
  return { ...inheritedEnv(env), [pathKey]: searchPath, ...own, ...secrets };
}

import { UserFacingError } from '../rpc/errors';

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * A remote MCP server's address, checked: https, or plain http only to this computer (a token
 * sent in clear over a network could be read by anyone on the way), no user name or password,
 * no fragment. Returns the normalised URL.
 */
export function checkRemoteUrl(value: string): string {
  const invalid = (message: string): never => {
    throw new UserFacingError('invalid-input', message);
  };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return invalid(`"${value}" is not a valid address.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    invalid(
      url.protocol === 'http:'
        ? 'The server address must use https (plain http is only allowed to this computer).'
        : `The server address must be an https address, not ${url.protocol}.`,
    );
  }
  if (url.username || url.password) invalid('The server address may not contain a user name or password.');
  url.hash = '';
  if (url.href.length > 2048) invalid('The server address is too long.');
  return url.href;
}

/** Host labels that say nothing about the service (`mcp.linear.app` → `linear`). */
const GENERIC_LABELS = new Set(['mcp', 'www', 'api', 'app', 'server', 'remote', 'localhost']);

/** A service id taken from the address, for when the user gives none. */
export function idFromUrl(value: string): string {
  const { hostname } = new URL(value);
  const labels = hostname.split('.').filter((label) => label && !/^\d+$/.test(label));
  // The last label is the top-level domain unless the host has a single one.
  const meaningful = (labels.length > 1 ? labels.slice(0, -1) : labels).filter(
    (label) => !GENERIC_LABELS.has(label),
  );
  const base = (meaningful.at(-1) ?? 'remote')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base || 'remote';
}

/** Origin-only comparison: a bearer token is only ever sent to its own server. */
export function sameOrigin(a: string | URL, b: string | URL): boolean {
  return new URL(a).origin === new URL(b).origin;
}

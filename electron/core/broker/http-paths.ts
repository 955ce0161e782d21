import { ClientId } from '../../shared/contract';
import { INSTANCE_ID_PATTERN } from '../../shared/instance-id';
import { PROFILE_NAME_PATTERN } from '../../shared/profiles-contract';
import type { ProfileSelector } from '../profiles/profile-rules';

/** What one address on the HTTP endpoint serves: a service, or a profile's combined entry. */
export interface HttpTarget {
  /** The service; null for a combined entry (every service of the profile as one server). */
  instance: string | null;
  /** The profile, as `connect --client` / `--profile` give it; empty: Everything. */
  selector: ProfileSelector;
}

/**
 * The endpoint's addresses: `/mcp/<service>`; under a client's profile (what `connect --client`
 * serves), `/mcp/client/<client>/<service>` and its combined entry `/mcp/client/<client>`; the
 * same under a named profile, `/mcp/profile/<name>[/<service>]` (percent-encoded). Null for any
 * other path. A one-segment path is a service whatever its spelling (the caller answers "no such
 * service" in words).
 */
export function parseHttpPath(pathname: string): HttpTarget | null {
  const parts = pathname.replace(/\/$/, '').split('/');
  if (parts[0] !== '' || parts[1] !== 'mcp' || parts.length < 3) return null;
  const segments = parts.slice(2).map(safeDecode);
  const [first, second, third] = segments;
  if (segments.some((s) => s === null || s === '')) return null;
  if (segments.length === 1) return { instance: first!, selector: {} };
  if (first === 'client' && ClientId.safeParse(second).success) {
    if (segments.length === 2) return { instance: null, selector: { client: second! } };
    if (segments.length === 3 && INSTANCE_ID_PATTERN.test(third!))
      return { instance: third!, selector: { client: second! } };
  }
  if (first === 'profile' && PROFILE_NAME_PATTERN.test(second!)) {
    if (segments.length === 2) return { instance: null, selector: { profile: second! } };
    if (segments.length === 3 && INSTANCE_ID_PATTERN.test(third!))
      return { instance: third!, selector: { profile: second! } };
  }
  return null;
}

/** The path of `target` (the inverse of {@link parseHttpPath}). */
export function httpPath(target: HttpTarget): string {
  const { instance, selector } = target;
  const base = selector.client
    ? `/mcp/client/${encodeURIComponent(selector.client)}`
    : selector.profile
      ? `/mcp/profile/${encodeURIComponent(selector.profile)}`
      : '/mcp';
  return instance === null ? base : `${base}/${encodeURIComponent(instance)}`;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

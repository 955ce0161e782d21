import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import { assertSafeEndpoint } from './auth-config';
import type { Fetch, JsonObject } from './oauth-http';
import { getJson, stringField } from './oauth-http';

/** Endpoints of one provider, after discovery; every URL has passed `assertSafeEndpoint`. */
export interface ResolvedEndpoints {
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  revocationEndpoint?: string;
  deviceAuthorizationEndpoint?: string;
  userinfoEndpoint?: string;
}

/** The endpoint fields of an `oauth` or `device` auth config. */
export type EndpointConfig = ResolvedEndpoints;

const METADATA_FIELDS: ReadonlyArray<[keyof ResolvedEndpoints, string]> = [
  ['authorizationEndpoint', 'authorization_endpoint'],
  ['tokenEndpoint', 'token_endpoint'],
  ['revocationEndpoint', 'revocation_endpoint'],
  ['deviceAuthorizationEndpoint', 'device_authorization_endpoint'],
  ['userinfoEndpoint', 'userinfo_endpoint'],
];

/**
 * Where metadata may live, in the order tried: RFC 8414 (well-known inserted before the issuer's
 * path), then OpenID Connect Discovery with the same insertion, then appended as OpenID specifies.
 */
export function metadataUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/+$/, '');
  return [
    ...new Set([
      `${url.origin}/.well-known/oauth-authorization-server${path}`,
      `${url.origin}/.well-known/openid-configuration${path}`,
      `${url.origin}${path}/.well-known/openid-configuration`,
    ]),
  ];
}

const sameIssuer = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Finds a provider's endpoints from its issuer (RFC 8414 / OpenID Discovery). */
export class EndpointDiscovery {
  constructor(private readonly deps: { fetch: Fetch; logger: Logger }) {}

  /** The issuer's metadata document; its `issuer` must equal ours (RFC 8414 §3.3, anti mix-up). */
  async metadata(issuer: string, providerName: string): Promise<JsonObject> {
    assertSafeEndpoint(issuer, 'issuer');
    for (const url of metadataUrls(issuer)) {
      const document = await getJson(this.deps.fetch, url, providerName);
      if (!document) continue;
      const claimed = stringField(document, 'issuer');
      if (!claimed || !sameIssuer(claimed, issuer)) {
        this.deps.logger.warn('discovery document names another issuer', { url, claimed });
        continue;
      }
      return document;
    }
    throw new UserFacingError(
      'discovery-failed',
      `Could not find ${providerName}'s sign-in settings at ${issuer}. The integration may need an update.`,
    );
  }

  /** Configured endpoints win; missing ones come from the issuer's metadata. */
  async resolve(config: EndpointConfig, providerName: string): Promise<ResolvedEndpoints> {
    const resolved: ResolvedEndpoints = {};
    const needsDiscovery = METADATA_FIELDS.some(([key]) => !config[key]);
    const metadata =
      config.issuer && needsDiscovery ? await this.metadata(config.issuer, providerName) : null;
    if (config.issuer) resolved.issuer = config.issuer;
    for (const [key, field] of METADATA_FIELDS) {
      const url = config[key] ?? (metadata ? stringField(metadata, field) : undefined);
      if (!url) continue;
      assertSafeEndpoint(url, key);
      resolved[key] = url;
    }
    return resolved;
  }
}

import * as z from 'zod';
import { lazily } from '../../shared/lazy-schema';

/** Hostnames that reach this machine only, where plain http cannot be intercepted on the network. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `url` may not be used as an OAuth endpoint, or null when it may: https anywhere, http only
 * on loopback (RFC 8252 §8.3), no credentials and no fragment (RFC 6749 §3.1).
 */
export function endpointProblem(url: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed) return 'is not a valid URL';
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (parsed.hash) return 'must not contain a fragment (#…)';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return 'must use https (plain http is allowed only on 127.0.0.1, localhost or [::1])';
}

/** Throws unless `url` is a safe OAuth endpoint; called again on discovered endpoints. */
export function assertSafeEndpoint(url: string, label: string): void {
  const problem = endpointProblem(url);
  if (problem) throw new Error(`${label} ${problem}: ${url}`);
}

const EndpointUrl = lazily(() =>
  z.string().superRefine((url, ctx) => {
    const problem = endpointProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: `endpoint ${problem}` });
  }),
);

/** Parameters the flow sets itself; a manifest must not be able to override them. */
/** Checks the endpoints one sign-in flow will use, before anything is opened or sent. */
export function assertFlowEndpoints(
  first: [url: string, label: string],
  tokenEndpoint: string,
  userinfoEndpoint?: string,
): void {
  assertSafeEndpoint(...first);
  assertSafeEndpoint(tokenEndpoint, 'tokenEndpoint');
  if (userinfoEndpoint) assertSafeEndpoint(userinfoEndpoint, 'userinfoEndpoint');
}

export const RESERVED_AUTHORIZATION_PARAMS: ReadonlySet<string> = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'resource',
]);

/** How the access token reaches the server process: an environment variable. */
export const TokenInjection = lazily(() =>
  z.object({
    /** Variable name, e.g. `GITHUB_TOKEN`. */
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name'),
    /** Put before the token, e.g. `Bearer `. */
    prefix: z.string().optional(),
  }),
);
export type TokenInjection = z.infer<typeof TokenInjection>;

/** The endpoint fields both kinds share (a function: each schema built when its kind first is). */
const endpointFields = () => ({
  /** Authorization server; endpoints not given are discovered (RFC 8414, then OpenID discovery). */
  issuer: EndpointUrl.optional(),
  authorizationEndpoint: EndpointUrl.optional(),
  tokenEndpoint: EndpointUrl.optional(),
  /** RFC 7009; without one, sign-out only forgets the tokens locally. */
  revocationEndpoint: EndpointUrl.optional(),
  /** RFC 8628. */
  deviceAuthorizationEndpoint: EndpointUrl.optional(),
  /** Where to ask who signed in (OpenID userinfo, or e.g. `https://api.github.com/user`). */
  userinfoEndpoint: EndpointUrl.optional(),
  clientId: z.string().min(1).optional(),
  /**
   * Some providers (Google) insist on a secret even for installed apps. Shipped inside a desktop
   * app it is NOT a secret (RFC 8252 §8.5): it identifies the app but proves nothing, and PKCE is
   * what protects the code. It is therefore allowed in a manifest.
   */
  clientSecret: z.string().min(1).optional(),
  scopes: z.array(z.string().min(1)).default([]),
  token: TokenInjection,
  /**
   * Where no client id ships with the app: how the user registers their own (shown in the UI
   * with the redirect URI to register).
   */
  clientSetup: z
    .object({
      title: z.string().min(1),
      url: z.url(),
      steps: z.array(z.string().min(1)).default([]),
      needsSecret: z.boolean().default(false),
    })
    .optional(),
  /** The user may paste a token instead (GitHub's fine-grained personal access tokens). */
  manualToken: z
    .object({ label: z.string().min(1), help: z.string().default(''), url: z.url().optional() })
    .optional(),
});

/** `type: 'oauth'`: authorization code + PKCE in the system browser (RFC 8252). */
export const OAuthAuthConfig = lazily(() =>
  z
    .object({
      type: z.literal('oauth'),
      ...endpointFields(),
      /** e.g. Google's `{ access_type: 'offline', prompt: 'consent' }` to get a refresh token. */
      extraAuthorizationParams: z
        .record(z.string(), z.string())
        .default({})
        .refine((params) => !Object.keys(params).some((key) => RESERVED_AUTHORIZATION_PARAMS.has(key)), {
          message: `must not set ${[...RESERVED_AUTHORIZATION_PARAMS].join(', ')}`,
        }),
      /** RFC 8707 resource indicator, sent with the authorization and token requests. */
      resource: z.url().optional(),
    })
    .refine((c) => c.issuer || (c.authorizationEndpoint && c.tokenEndpoint), {
      message: 'needs an issuer, or both authorizationEndpoint and tokenEndpoint',
    }),
);
export type OAuthAuthConfig = z.infer<typeof OAuthAuthConfig>;

/** `type: 'device'`: RFC 8628 device authorization grant (code typed in on a web page). */
export const DeviceAuthConfig = lazily(() =>
  z
    .object({ type: z.literal('device'), ...endpointFields() })
    .refine((c) => c.issuer || (c.deviceAuthorizationEndpoint && c.tokenEndpoint), {
      message: 'needs an issuer, or both deviceAuthorizationEndpoint and tokenEndpoint',
    }),
);
export type DeviceAuthConfig = z.infer<typeof DeviceAuthConfig>;

/**
 * The manifest's `_meta["dev.mcptray"].auth`. `api-key` (a sensitive `user_config` field) and
 * `none` need no flow here.
 */
export const AuthConfig = lazily(() =>
  z.discriminatedUnion('type', [
    OAuthAuthConfig,
    DeviceAuthConfig,
    z.looseObject({ type: z.literal('api-key') }),
    z.looseObject({ type: z.literal('none') }),
  ]),
);
export type AuthConfig = z.infer<typeof AuthConfig>;

/** The environment entry that hands `accessToken` to the server process. */
export function tokenEnvironment(token: TokenInjection, accessToken: string): Record<string, string> {
  return { [token.env]: `${token.prefix ?? ''}${accessToken}` };
}

import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Adapter, AdapterPayload, Configuration } from 'oidc-provider';
import Provider from 'oidc-provider';

/** Test helper: a real OpenID provider (oidc-provider) on 127.0.0.1 with its own interaction pages. */

export const TEST_CLIENT_ID = 'mcp-tray-test';

/** Per-provider storage: oidc-provider's built-in memory adapter is one module-wide store. */
function memoryAdapter(store: Map<string, AdapterPayload>): (name: string) => Adapter {
  const grants = new Map<string, string[]>();
  return (model) => {
    const key = (id: string): string => `${model}:${id}`;
    const find = (id: string | undefined): Promise<AdapterPayload | undefined> =>
      Promise.resolve(id === undefined ? undefined : store.get(key(id)));
    const findBy = (field: 'uid' | 'userCode', value: string): Promise<AdapterPayload | undefined> =>
      Promise.resolve(
        [...store.entries()].find(([k, p]) => k.startsWith(`${model}:`) && p[field] === value)?.[1],
      );
    return {
      upsert: (id, payload) => {
        store.set(key(id), payload);
        if (payload.grantId) grants.set(payload.grantId, [...(grants.get(payload.grantId) ?? []), key(id)]);
        return Promise.resolve();
      },
      find,
      findByUid: (uid) => findBy('uid', uid),
      findByUserCode: (code) => findBy('userCode', code),
      consume: (id) => {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy: (id) => {
        store.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId: (grantId) => {
        (grants.get(grantId) ?? []).forEach((k) => store.delete(k));
        grants.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><title>${escape(title)}</title><h1>${escape(title)}</h1>${body}`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A running test provider. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  provider: Provider;
  /** Deletes what the adapter holds, e.g. `forget('Client', id)` revokes a dynamic registration. */
  forget(model: string, id: string): void;
  close(): Promise<void>;
}

/** Choices beyond the defaults: a token lifetime, and changes to oidc-provider's configuration. */
export interface TestProviderOptions {
  accessTokenTtl?: number;
  /** Adjusts the configuration before the provider is built (features, scopes…). */
  configure?: (configuration: Configuration, issuer: string) => void;
}

/**
 * Starts oidc-provider with a native public client (`token_endpoint_auth_method: 'none'`,
 * PKCE required, refresh tokens rotated). Its redirect URI is registered without a port:
 * oidc-provider, like RFC 8252 §7.3 asks, ignores the port of loopback redirect URIs of
 * `application_type: 'native'` clients, so every ephemeral port matches.
 */
export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const store = new Map<string, AdapterPayload>();
  const configuration: Configuration = {
    adapter: memoryAdapter(store),
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...key, kid: 'test-key', use: 'sig', alg: 'RS256' }] } as Configuration['jwks'],
    cookies: { keys: ['test-cookie-key'] },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@example.test`, email_verified: true, name: sub }),
    }),
    rotateRefreshToken: true,
    // Default 15 s of leeway would keep a 2 s access token alive long after it expired.
    clockTolerance: 0,
    ttl: {
      AccessToken: options.accessTokenTtl ?? 60,
      AuthorizationCode: 60,
      ClientCredentials: 60,
      DeviceCode: 60,
      BackchannelAuthenticationRequest: 60,
      IdToken: 60,
      RefreshToken: 3600,
      Interaction: 600,
      Session: 600,
      Grant: 3600,
    },
  };
  options.configure?.(configuration, issuer);
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const interaction = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const [, , uid, action] = (request.url ?? '').split('?')[0]!.split('/');
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'GET') {
      const form = (name: string, fields: string, button: string): string =>
        `<form method="post" data-step="${name}" action="/interaction/${uid}/${name}">${fields}<button>${button}</button></form>`;
      const html =
        details.prompt.name === 'login'
          ? page(
              'Sign in',
              form('login', '<input name="login"><input name="password" type="password">', 'Sign in'),
            )
          : page('Allow access?', form('confirm', '', 'Allow') + form('abort', '', 'Deny'));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const body = await readForm(request);
    if (action === 'login') {
      const accountId = body.get('login') ?? 'nobody';
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId } },
        { mergeWithLastSubmission: false },
      );
    } else if (action === 'confirm') {
      const { prompt, params, session, grantId } = details;
      const grant =
        (grantId ? await provider.Grant.find(grantId) : undefined) ??
        new provider.Grant({ accountId: session?.accountId, clientId: params.client_id as string });
      const missing = prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(resource, scopes.join(' '));
      }
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    } else {
      const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
      await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
    }
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith('/interaction/')) return void callback(request, response);
    interaction(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    provider,
    forget: (model, id) => void store.delete(`${model}:${id}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

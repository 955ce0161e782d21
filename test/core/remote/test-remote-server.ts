import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { mcpAuthMetadataRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { OAuthMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import express from 'express';
import type { Request, Response } from 'express';
import { errors } from 'oidc-provider';
import type { TestProvider } from '../auth/test-oidc-provider';
import { startTestProvider } from '../auth/test-oidc-provider';

/**
 * Test helper: a remote MCP server on 127.0.0.1 built with the MCP SDK's server auth support
 * (`requireBearerAuth`, `mcpAuthMetadataRouter`: RFC 9728 protected-resource metadata), whose
 * tokens come from a real oidc-provider with dynamic client registration (RFC 7591) and
 * resource indicators (RFC 8707). Its tools:
 * - `whoami` (scope `mcp:read`): who the token belongs to, never the token;
 * - `admin_action` (needs `mcp:write`): answered with 403 `insufficient_scope` until granted.
 */

export const READ_SCOPE = 'mcp:read';
export const WRITE_SCOPE = 'mcp:write';

export interface RemoteServerOptions {
  /** Lifetime of access tokens, seconds. */
  accessTokenTtl?: number;
  /** `open`: no sign-in at all; `no-s256`: metadata of an authorization server without S256. */
  auth?: 'oidc' | 'open' | 'no-s256';
  /** `sse`: the older HTTP+SSE transport only (GET /mcp stream, POST /messages). */
  transport?: 'streamable-http' | 'sse';
}

export interface TestRemoteServer {
  url: string;
  provider: TestProvider | null;
  /** Requests that reached the MCP endpoint: method and the bearer token they carried. */
  requests: { method: string; path: string; token: string | null; apiKey?: string | null }[];
  /** Requests to the fake authorization server (`no-s256`), e.g. a registration. */
  authRequests: string[];
  close(): Promise<void>;
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

function mcpServer(): McpServer {
  const server = new McpServer({ name: 'remote-test', version: '1.0.0' });
  server.registerTool('whoami', { description: 'Who the token belongs to' }, (extra) => {
    const info = extra.authInfo;
    const who = info
      ? `${String(info.extra?.sub)} via ${info.clientId} (${info.scopes.join(' ')})`
      : 'anyone';
    return { content: [{ type: 'text', text: who }] };
  });
  server.registerTool('admin_action', { description: 'Needs mcp:write' }, () => ({
    content: [{ type: 'text', text: 'done with write access' }],
  }));
  return server;
}

/** Starts the server (and its authorization server); close it when the test ends. */
export async function startRemoteServer(options: RemoteServerOptions = {}): Promise<TestRemoteServer> {
  const app = express();
  const http = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const resource = `${origin}/mcp`;
  const metadataUrl = `${origin}/.well-known/oauth-protected-resource/mcp`;
  const requests: TestRemoteServer['requests'] = [];
  const authRequests: string[] = [];
  const mode = options.auth ?? 'oidc';
  let provider: TestProvider | null = null;

  app.use('/mcp', (request, _response, next) => {
    requests.push({
      method: request.method,
      path: request.originalUrl,
      token: bearer(request),
      apiKey: request.header('x-api-key') ?? null,
    });
    next();
  });

  let guard: express.RequestHandler = (_request, _response, next) => next();
  if (mode === 'oidc') {
    provider = await startTestProvider({
      accessTokenTtl: options.accessTokenTtl,
      configure: (configuration) => {
        configuration.features = {
          ...configuration.features,
          registration: { enabled: true },
          resourceIndicators: {
            enabled: true,
            defaultResource: (_ctx, _client, oneOf) => oneOf ?? resource,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx, indicator) => {
              if (indicator !== resource) throw new errors.InvalidTarget();
              return {
                scope: `${READ_SCOPE} ${WRITE_SCOPE}`,
                audience: resource,
                accessTokenTTL: options.accessTokenTtl ?? 60,
                accessTokenFormat: 'opaque',
              };
            },
          },
        };
        // Registrations may name the resource's scopes (the SDK sends the scope it will ask for).
        configuration.scopes = [...(configuration.scopes ?? []), READ_SCOPE, WRITE_SCOPE];
        // This authorization server gives every client allowed to refresh a refresh token.
        configuration.issueRefreshToken = (_ctx, client) => client.grantTypeAllowed('refresh_token');
        configuration.expiresWithSession = () => false;
      },
    });
    const op = provider;
    const discovered = (await (
      await fetch(`${op.issuer}/.well-known/openid-configuration`)
    ).json()) as OAuthMetadata;
    app.use(
      mcpAuthMetadataRouter({
        oauthMetadata: discovered,
        resourceServerUrl: new URL(resource),
        scopesSupported: [READ_SCOPE, WRITE_SCOPE],
        resourceName: 'Remote test server',
      }),
    );
    // The resource server checks tokens with its authorization server (in process here, like
    // token introspection would over HTTP): known, unexpired, and issued for this resource.
    const verifier = {
      async verifyAccessToken(token: string): Promise<AuthInfo> {
        const found = await op.provider.AccessToken.find(token);
        if (!found || found.isExpired) throw new InvalidTokenError('Token is not active');
        return {
          token,
          clientId: found.clientId ?? '',
          scopes: found.scope?.split(' ').filter(Boolean) ?? [],
          expiresAt: found.exp,
          resource: new URL(String(found.aud)),
          extra: { sub: found.accountId },
        };
      },
    };
    guard = requireBearerAuth({
      verifier,
      requiredScopes: [READ_SCOPE],
      resourceMetadataUrl: metadataUrl,
      expectedResource: new URL(resource),
    });
  } else if (mode === 'no-s256') {
    const asOrigin = `${origin}/as`;
    const metadataPath = '/.well-known/oauth-authorization-server/as';
    app.use([metadataPath, '/as'], (request, _response, next) => {
      authRequests.push(`${request.method} ${request.originalUrl}`);
      next();
    });
    // RFC 8414 §3.1: the well-known segment goes before the issuer's path.
    app.get(metadataPath, (_request, response) => {
      response.json({
        issuer: asOrigin,
        authorization_endpoint: `${asOrigin}/authorize`,
        token_endpoint: `${asOrigin}/token`,
        registration_endpoint: `${asOrigin}/register`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['plain'],
      });
    });
    app.get('/.well-known/oauth-protected-resource/mcp', (_request, response) => {
      response.json({ resource, authorization_servers: [asOrigin] });
    });
    guard = (request, response, next) => {
      if (bearer(request)) return next();
      response
        .status(401)
        .set('WWW-Authenticate', `Bearer resource_metadata="${metadataUrl}"`)
        .json({ error: 'invalid_token' });
    };
  }

  // Step-up: a write tool needs a scope the first sign-in did not ask for (MCP spec 2025-11-25).
  const stepUp: express.RequestHandler = (request, response, next) => {
    const body = request.body as { method?: string; params?: { name?: string } } | undefined;
    const scopes = (request as Request & { auth?: AuthInfo }).auth?.scopes ?? [];
    if (mode === 'oidc' && body?.method === 'tools/call' && body.params?.name === 'admin_action') {
      if (!scopes.includes(WRITE_SCOPE)) {
        response
          .status(403)
          .set(
            'WWW-Authenticate',
            `Bearer error="insufficient_scope", scope="${READ_SCOPE} ${WRITE_SCOPE}", ` +
              `resource_metadata="${metadataUrl}"`,
          )
          .json({ error: 'insufficient_scope' });
        return;
      }
    }
    next();
  };

  if (options.transport === 'sse') {
    const sessions = new Map<string, SSEServerTransport>();
    app.get('/mcp', guard, (_request: Request, response: Response) => {
      const transport = new SSEServerTransport('/messages', response);
      sessions.set(transport.sessionId, transport);
      response.on('close', () => sessions.delete(transport.sessionId));
      void mcpServer().connect(transport);
    });
    app.post('/messages', guard, express.json(), stepUp, (request: Request, response: Response) => {
      const transport = sessions.get(String(request.query.sessionId));
      if (!transport) return void response.status(404).end();
      void transport.handlePostMessage(request, response, request.body);
    });
  } else {
    // Stateless Streamable HTTP: a server and transport per request, no GET stream.
    app.post('/mcp', guard, express.json(), stepUp, async (request: Request, response: Response) => {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      const server = mcpServer();
      response.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(request, response, request.body);
    });
    app.get('/mcp', guard, (_request, response) => void response.status(405).end());
  }

  return {
    url: resource,
    provider,
    requests,
    authRequests,
    close: async () => {
      await provider?.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Test helper: a minimal RFC 8628 authorization server on 127.0.0.1 that follows a script. */

type DeviceAnswer = 'authorization_pending' | 'slow_down' | 'access_denied' | 'expired_token' | 'success';

export interface DeviceServerScript {
  /** Answers to successive token polls; the last one repeats. */
  answers: DeviceAnswer[];
  expiresIn?: number;
  interval?: number;
}

export interface TestDeviceServer {
  deviceAuthorizationEndpoint: string;
  tokenEndpoint: string;
  /** Form bodies of the token polls received. */
  polls: URLSearchParams[];
  /** Tokens handed out on success. */
  issued: { accessToken: string; refreshToken: string };
  close(): Promise<void>;
}

async function form(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startDeviceServer(script: DeviceServerScript): Promise<TestDeviceServer> {
  const deviceCode = randomBytes(16).toString('hex');
  const issued = {
    accessToken: `gho_${randomBytes(16).toString('hex')}`,
    refreshToken: `ghr_${randomBytes(16).toString('hex')}`,
  };
  const polls: URLSearchParams[] = [];
  const server = createServer((request, response) => {
    void form(request).then((body) => {
      const json = (status: number, value: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      };
      if (request.url === '/device' && body.get('client_id') === 'device-client') {
        return json(200, {
          device_code: deviceCode,
          user_code: 'WDJB-MJHT',
          verification_uri: `${base}/activate`,
          verification_uri_complete: `${base}/activate?user_code=WDJB-MJHT`,
          expires_in: script.expiresIn ?? 900,
          interval: script.interval ?? 5,
        });
      }
      if (request.url !== '/token') return json(404, { error: 'not_found' });
      if (body.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:device_code') {
        return json(400, { error: 'unsupported_grant_type' });
      }
      if (body.get('device_code') !== deviceCode) return json(400, { error: 'invalid_grant' });
      polls.push(body);
      const answer = script.answers[Math.min(polls.length, script.answers.length) - 1]!;
      if (answer !== 'success') return json(400, { error: answer });
      // GitHub style: comma-separated scope and a lower-case token type.
      return json(200, {
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        token_type: 'bearer',
        expires_in: 28800,
        scope: 'repo,read:user',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    deviceAuthorizationEndpoint: `${base}/device`,
    tokenEndpoint: `${base}/token`,
    polls,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running {@link startBearerProxy}. */
export interface BearerProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A loopback proxy that adds `Authorization: Bearer <token>` to every request and forwards it
 * to the HTTP endpoint, streaming both ways (SSE stays live). It exists for peers that cannot
 * send headers (the MCP conformance suite), so they measure the real endpoint with its token
 * check on, instead of an endpoint with authentication switched off. Host is rewritten only
 * when it names the proxy itself on a loopback name, to the same name on the endpoint's port;
 * any other Host (a DNS-rebinding probe) and every Origin pass through untouched, so the
 * endpoint's own checks are what the peer sees.
 */
export async function startBearerProxy(targetPort: number, token: string): Promise<BearerProxy> {
  let ownPort = 0;
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    headers.authorization ??= `Bearer ${token}`;
    const host = headers.host?.toLowerCase();
    for (const name of ['127.0.0.1', 'localhost']) {
      if (host === `${name}:${ownPort}`) headers.host = `${name}:${targetPort}`;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // A peer that hangs up (an SSE reader cancelling) must close the upstream stream too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ownPort = (server.address() as AddressInfo).port;
  return {
    port: ownPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

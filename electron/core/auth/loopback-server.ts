import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listens on 127.0.0.1 only (never all interfaces: nothing else on the network may reach it),
 * on port 0 so the OS picks a free ephemeral port and "port in use" cannot happen (RFC 8252 §7.3).
 * `preferred` is tried first: a client registered with one exact redirect URI (dynamic client
 * registration at a server that compares ports) keeps working while that port is free.
 */
export async function listenOnLoopback(server: Server, preferred?: number): Promise<number> {
  if (preferred) {
    try {
      return await listenOn(server, preferred);
    } catch {
      // Taken (or not ours to use): any free port, and the caller registers again.
    }
  }
  return listenOn(server, 0);
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections and drops open ones; resolves once the port is free. */
export function closeListener(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

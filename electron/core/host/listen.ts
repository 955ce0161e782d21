import type { Server } from 'node:http';

/** The port the headless host tries first. */
export const DEFAULT_PORT = 7711;

/** Raised when the port the user asked for is taken. */
export class PortInUseError extends Error {
  readonly code = 'port-in-use';
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use by another program. ` +
        'Choose another with --port N, or leave --port out to use a free one.',
    );
    this.name = 'PortInUseError';
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Listens on 127.0.0.1. A port the user chose must be free (`strict`); the default port falls
 * back to a free one. Returns the port and whether it fell back.
 */
export async function listenWithFallback(
  server: Server,
  port: number,
  strict: boolean,
): Promise<{ port: number; fellBackFrom: number | null }> {
  try {
    return { port: await listenOnce(server, port), fellBackFrom: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (strict) throw new PortInUseError(port);
    return { port: await listenOnce(server, 0), fellBackFrom: port };
  }
}

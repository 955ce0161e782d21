import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body read: the same bound as one frame through the connector. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Ends a request with an error a person can read, shaped as a JSON-RPC error so MCP clients
 * show the message rather than "HTTP 404".
 */
export function replyError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** What reading a POST body gave: the parsed JSON, or the error to answer with. */
export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads and parses a JSON body of at most `limit` bytes (the SDK then validates it). */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(tooLarge(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, status: 400, message: 'The request body is not valid JSON.' });
      }
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      resolve({ ok: false, status: 400, message: 'The request body could not be read.' });
    });
  });
}

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  message: `The request is larger than ${Math.round(limit / 1024 / 1024)} MB.`,
});

/** Whether a parsed body is (or, as a batch, contains) an `initialize` request. */
export function isInitialize(body: unknown): boolean {
  const one = (message: unknown) =>
    typeof message === 'object' &&
    message !== null &&
    (message as { method?: unknown }).method === 'initialize';
  return Array.isArray(body) ? body.some(one) : one(body);
}

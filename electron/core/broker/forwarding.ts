import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome } from '../../shared/contract';

/** What a request handler gets from the SDK that matters for forwarding. */
export interface ForwardExtra {
  signal: AbortSignal;
  /** The client's id for the request being forwarded. */
  requestId: RequestId;
  sendNotification: (notification: {
    method: 'notifications/progress';
    params: Record<string, unknown>;
  }) => Promise<void>;
}

/** Pause between the last progress notification and the reply (see {@link forwardOptions}). */
export const PROGRESS_SETTLE_MS = 15;

type Params = { _meta?: { progressToken?: string | number; [key: string]: unknown }; [key: string]: unknown };

/**
 * Request options for forwarding one client request upstream: the client's cancellation,
 * our timeout (which also cancels upstream), and progress mapped back to the client's own
 * token. The SDK gives the upstream request a token of its own, so tokens of different
 * sessions can never collide. `flush` resolves once every progress notification is sent,
 * plus a short pause when there were any: the SDK's client handles a notification a microtask
 * after a response read in the same chunk, by which time it has dropped the request's
 * progress handler, so the last progress would be lost when our writes coalesce.
 */
export function forwardOptions(
  params: Params | undefined,
  extra: ForwardExtra,
  timeoutMs: number,
): { options: RequestOptions; flush: () => Promise<void> } {
  const token = params?._meta?.progressToken;
  const options: RequestOptions = { signal: extra.signal, timeout: timeoutMs };
  let sent: Promise<void> = Promise.resolve();
  let any = false;
  if (token !== undefined) {
    options.resetTimeoutOnProgress = true;
    options.onprogress = (progress) => {
      const notification = {
        method: 'notifications/progress' as const,
        params: { ...progress, progressToken: token },
      };
      any = true;
      sent = sent.then(() => extra.sendNotification(notification)).catch(() => undefined);
    };
  }
  const flush = async () => {
    await sent;
    if (any) await new Promise((resolve) => setTimeout(resolve, PROGRESS_SETTLE_MS));
  };
  return { options, flush };
}

/** The client's params without its progress token (upstream gets ours). */
export function upstreamParams<P extends Params | undefined>(params: P): P {
  if (!params?._meta || !('progressToken' in params._meta)) return params;
  const { progressToken: _token, ...meta } = params._meta;
  return { ...params, _meta: meta } as P;
}

/** How a failed forwarded call ended, for the log and the client's error. */
export function classifyFailure(
  error: unknown,
  signal: AbortSignal,
): { outcome: ToolCallOutcome; message: string } {
  if (signal.aborted) return { outcome: 'cancelled', message: 'Cancelled by the client' };
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return { outcome: 'timeout', message: error.message };
  }
  return { outcome: 'protocol-error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * An error of MCP Tray's own for a client. McpError puts "MCP error <code>: " before its message,
 * and the client's SDK puts it there again when it reads the reply ("MCP error -32603: MCP error
 * -32603: …"); sent without it, the user reads the prefix once.
 */
export function trayError(code: number, message: string, data?: unknown): McpError {
  const error = new McpError(code, message, data);
  error.message = message;
  return error;
}

/** The error a client sees when the server went away under its request. */
export function restartedError(name: string): McpError {
  return trayError(
    ErrorCode.InternalError,
    `The service "${name}" restarted while handling this request. Try again in a moment.`,
  );
}

export const isConnectionClosed = (error: unknown): boolean =>
  error instanceof McpError && error.code === ErrorCode.ConnectionClosed;

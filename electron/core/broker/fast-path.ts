import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId, ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome } from '../../shared/contract';
import type { SessionContext } from './broker-session';
import { Deadlines } from './deadlines';
import { PROGRESS_SETTLE_MS, restartedError, trayError } from './forwarding';
import { LineTransport } from './line-transport';
import { spliceId } from './splice-id';
import type { UpstreamRelay, WireError } from './upstream-relay';

/** What the fast path needs from its session. */
export interface FastPathHost {
  readonly ctx: SessionContext;
  /** The client finished `initialize`: only then does the fast path take requests. */
  readonly ready: boolean;
  readonly client: { name: string; version: string | null };
  /** Why a call to this tool is refused (turned off, waiting for review); null lets it through. */
  gate(tool: string): string | null;
  /** A request of this session went to the server / came back (routing of server requests). */
  begin(id: RequestId): void;
  end(id: RequestId): void;
}

type Message = Record<string, unknown>;

/** How a relayed request ended. */
interface Ending {
  /** The server's reply, to send back as it is (its id replaced); null when nothing is sent. */
  reply: { result?: Message; error?: WireError } | null;
  /** The reply as the server wrote it, and the id it carries there (ours). */
  line?: { text: string; id: number };
  outcome: ToolCallOutcome;
  error: string | null;
}

/** Plain forwards: no gate, no log, answered by the server as it is. */
const FORWARDED: Record<string, keyof ServerCapabilities> = {
  'resources/read': 'resources',
  'resources/list': 'resources',
  'resources/templates/list': 'resources',
  'prompts/get': 'prompts',
  'prompts/list': 'prompts',
  'completion/complete': 'completions',
};

const asWire = (error: McpError): WireError => ({
  code: error.code,
  message: error.message,
  ...(error.data === undefined ? {} : { data: error.data }),
});

/** What a result reply's line holds besides the result: `{"result":…,"jsonrpc":"2.0","id":…}`. */
const RESULT_ENVELOPE = '{"result":,"jsonrpc":"2.0","id":}'.length;

/** The size of the result in a reply's line, as the server wrote it (compact envelope). */
const resultBytesOf = (line: { text: string; id: number }): number =>
  Math.max(0, Buffer.byteLength(line.text) - RESULT_ENVELOPE - String(line.id).length);

/**
 * The broker's hot path for a session after `initialize`: `tools/call` and the plain forwards
 * are taken off the session's transport before the SDK `Server` sees them, written to the
 * server under an id of ours (see {@link UpstreamRelay}) and answered with the server's reply
 * under the client's id. Nothing is validated but the envelope (the server validates what it
 * is sent; the client validates what it gets). What needs a protocol stack stays with the SDK:
 * `initialize`, `tools/list` (filtered), subscriptions, server-to-client requests,
 * notifications. Errors, timeouts, cancellation and restarts are answered in the same words
 * as the SDK path, which still serves anything this path declines.
 */
export class FastPath {
  /** Requests in flight by the client's id, for its `notifications/cancelled`. */
  private readonly inFlight = new Map<RequestId, (reason: string) => void>();
  /** The per-call timeouts of the requests in flight, by the client's id. */
  private readonly deadlines: Deadlines<RequestId>;
  /** The client's connection when it takes a line as it is (a connector's socket). */
  private readonly lines: LineTransport | null;

  constructor(
    private readonly host: FastPathHost,
    private readonly transport: Transport,
    private readonly caps: ServerCapabilities,
  ) {
    this.deadlines = new Deadlines(() => host.ctx.now());
    this.lines = transport instanceof LineTransport ? transport : null;
    const sdk = transport.onmessage;
    transport.onmessage = (message, extra) => {
      if (!this.take(message as unknown as Message)) sdk?.(message, extra);
    };
  }

  private take(message: Message): boolean {
    const method = message.method;
    if (typeof method !== 'string' || !this.host.ready) return false;
    const id = message.id as RequestId | undefined;
    const params = message.params as Message | undefined;
    if (id === undefined) {
      if (method !== 'notifications/cancelled') return false;
      const cancel = this.inFlight.get(params?.requestId as RequestId);
      cancel?.(String(params?.reason));
      return cancel !== undefined;
    }
    if (this.inFlight.has(id)) return false;
    // The request as the client wrote it, to go on to the server under our id.
    const line = this.lines?.currentLine;
    if (method === 'tools/call') {
      if (!this.caps.tools || typeof params?.name !== 'string') return false;
      void this.call(id, params, line);
      return true;
    }
    const cap = FORWARDED[method];
    if (!cap || !this.caps[cap]) return false;
    void this.relay(id, method, params, line);
    return true;
  }

  private async call(id: RequestId, params: Message, line: string | undefined): Promise<void> {
    const { ctx } = this.host;
    const started = ctx.now();
    const base = {
      time: started,
      instanceId: ctx.instanceId,
      client: this.host.client,
      source: ctx.source,
      tool: params.name as string,
      arguments: (params.arguments ?? {}) as Record<string, unknown>,
    };
    const refusal = this.host.gate(base.tool);
    let ending: Ending;
    if (refusal !== null) {
      const error = trayError(ErrorCode.InvalidParams, refusal);
      ending = { reply: { error: asWire(error) }, outcome: 'protocol-error', error: refusal };
      this.answer(id, ending);
    } else {
      ending = await this.relay(id, 'tools/call', params, line);
    }
    // After the reply: the log never delays the client.
    const result = ending.reply?.result ?? null;
    const outcome = result ? (result.isError ? 'tool-error' : 'ok') : ending.outcome;
    const durationMs = refusal !== null ? 0 : ctx.now() - started;
    const resultBytes = result && ending.line ? resultBytesOf(ending.line) : undefined;
    ctx.record({
      ...base,
      durationMs,
      outcome,
      error: ending.error,
      result: result as never,
      ...(resultBytes === undefined ? {} : { resultBytes }),
    });
  }

  private answer(id: RequestId, ending: Ending): void {
    if (!ending.reply) return;
    // The server's line with only the id changed: every byte of its result, no serialising.
    const spliced = ending.line && this.lines ? spliceId(ending.line.text, ending.line.id, id) : null;
    if (spliced !== null) return this.lines!.sendLine(spliced);
    const reply = ending.reply as Message;
    reply.jsonrpc = '2.0';
    reply.id = id;
    this.transport.send(reply as JSONRPCMessage).catch(() => undefined);
  }

  /**
   * Sends one request upstream (waiting for a held or restarting server), answers the client
   * the moment it ends (before any bookkeeping) and resolves with how it ended.
   */
  private relay(
    id: RequestId,
    method: string,
    params: Message | undefined,
    line: string | undefined,
  ): Promise<Ending> {
    const { ctx } = this.host;
    const token = (params?._meta as Message | undefined)?.progressToken as string | number | undefined;
    this.host.begin(id);
    return new Promise<Ending>((resolve) => {
      let relay: UpstreamRelay | null = null;
      let upstreamId: number | null = null;
      let waiting: AbortController | null = null;
      let progress: Promise<void> | null = null;
      let done = false;
      const finish = (ending: Ending) => {
        if (done) return;
        done = true;
        try {
          this.answer(id, ending);
        } finally {
          this.deadlines.delete(id);
          this.inFlight.delete(id);
          if (upstreamId !== null) ctx.activity(-1);
          this.host.end(id);
          resolve(ending);
        }
      };
      const fail = (error: McpError, outcome: ToolCallOutcome): void =>
        finish({ reply: { error: asWire(error) }, outcome, error: error.message });
      const start = (to: UpstreamRelay) => {
        if (done) return;
        relay = to;
        const timeoutMs = ctx.timeoutMs();
        ctx.activity(1);
        upstreamId = to.send(
          method,
          params,
          {
            onReply: (reply, line) => {
              const ending: Ending = {
                reply,
                ...(line === undefined ? {} : { line: { text: line, id: upstreamId! } }),
                outcome: 'protocol-error',
                error: reply.error ? new McpError(reply.error.code, reply.error.message).message : null,
              };
              // Let the client handle the last progress before the reply (see forwardOptions).
              if (!progress) return finish(ending);
              void progress.then(() => setTimeout(() => finish(ending), PROGRESS_SETTLE_MS));
            },
            onProgress: (update) => {
              if (token === undefined) return;
              this.deadlines.refresh(id, timeoutMs);
              const notification = {
                jsonrpc: '2.0',
                method: 'notifications/progress',
                params: { ...update, progressToken: token },
              };
              const send = () =>
                this.transport
                  .send(notification as JSONRPCMessage, { relatedRequestId: id })
                  .catch(() => undefined);
              progress = progress ? progress.then(send) : send();
            },
            onClosed: () => fail(restartedError(ctx.instanceName()), 'protocol-error'),
          },
          token !== undefined,
          line === undefined ? undefined : { text: line, id },
        );
        this.deadlines.add(id, timeoutMs, () => {
          const error = trayError(ErrorCode.RequestTimeout, 'Request timed out', { timeout: timeoutMs });
          to.cancel(upstreamId!, String(error));
          fail(error, 'timeout');
        });
      };
      // The client's cancel: the server stops, the client expects no answer.
      this.inFlight.set(id, (reason) => {
        if (relay && upstreamId !== null) relay.cancel(upstreamId, reason);
        waiting?.abort(reason);
        finish({ reply: null, outcome: 'cancelled', error: 'Cancelled by the client' });
      });
      const now = ctx.relayNow();
      if (now) return start(now);
      waiting = new AbortController();
      ctx.relay(waiting.signal).then(start, (error: unknown) => {
        const failure = error instanceof McpError ? error : trayError(ErrorCode.InternalError, String(error));
        fail(failure, 'protocol-error');
      });
    });
  }
}

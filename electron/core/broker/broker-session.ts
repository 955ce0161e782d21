import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ErrorCode,
  CompleteRequestSchema,
  CompleteResultSchema,
  EmptyResultSchema,
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  ListResourceTemplatesRequestSchema,
  ListResourceTemplatesResultSchema,
  ListResourcesRequestSchema,
  ListResourcesResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  ReadResourceRequestSchema,
  ReadResourceResultSchema,
  RootsListChangedNotificationSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RequestId, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { NewToolCall } from '../calllog/tool-call-log';
import { FastPath } from './fast-path';
import type { FastPathHost } from './fast-path';
import type { ForwardExtra } from './forwarding';
import type { UpstreamRelay } from './upstream-relay';
import {
  classifyFailure,
  forwardOptions,
  isConnectionClosed,
  restartedError,
  trayError,
  upstreamParams,
} from './forwarding';

/**
 * Which tools clients may see and call: the user's per-tool switches and tool pinning (a new
 * or changed tool waits for review). One gate, so a hidden tool is hidden the same way whatever
 * the reason.
 */
export interface ToolAccess {
  /** Whether a tool the server listed is shown to clients. */
  listed(tool: Tool): boolean;
  /** Why a call to this tool is refused, in words for the client; null lets it through. */
  refusal(name: string): string | null;
}

/** What a session needs from the broker. */
export interface SessionContext {
  instanceId: string;
  /** `mcp-tray` for the app's own "try it" session. */
  source: 'client' | 'mcp-tray';
  instanceName: () => string;
  /** Tools hidden from `tools/list` and refused: turned off, or waiting for review. */
  toolAccess: () => ToolAccess;
  /** The server's live tool list, as a client asked for it (pinning compares it). */
  toolsListed: (tools: Tool[]) => void;
  timeoutMs: () => number;
  /** The running server's client, waiting (bounded) while it restarts or is held. */
  upstream: (signal: AbortSignal) => Promise<Client>;
  /** The running server's relay when a call can go at once (running, not held); else null. */
  relayNow: () => UpstreamRelay | null;
  /** The running server's relay, waiting (bounded) as {@link upstream} does. */
  relay: (signal: AbortSignal) => Promise<UpstreamRelay>;
  /**
   * Whether calls take the fast path. Only for stdio servers: a remote server's failures (a
   * revoked sign-in, a 403 asking for more scope) arrive as transport errors, which only the
   * SDK path turns into the reason the client must see.
   */
  fastPath: boolean;
  /** Counts calls actually at the server (not those waiting for it). */
  activity: (delta: 1 | -1) => void;
  record: (call: NewToolCall) => void;
  now: () => number;
  onSubscriptionsChanged: () => void;
  /** The client finished its handshake: its name is known. */
  onInitialized: () => void;
  onClose: (session: BrokerSession) => void;
}

type AnyRequestSchema = typeof ListToolsRequestSchema;
type AnyResultSchema = typeof ListToolsResultSchema;

/**
 * One AI client's connection: an SDK `Server` advertising what the instance's server offers,
 * forwarding every request to the instance's single upstream `Client`.
 */
export class BrokerSession implements FastPathHost {
  readonly server: Server;
  /** What this session's client was told the server can do. */
  readonly capabilities: ServerCapabilities;
  readonly subscriptions = new Set<string>();
  lastActivity: number;
  /** Ids of this session's requests still waiting for the server, oldest first. */
  private readonly pending: RequestId[] = [];
  /** Whether the client finished its handshake (its name is known). */
  initialized = false;

  constructor(
    readonly ctx: SessionContext,
    serverInfo: { name: string; version: string },
    upstreamCaps: ServerCapabilities,
    instructions: string | undefined,
  ) {
    this.lastActivity = ctx.now();
    this.capabilities = advertised(upstreamCaps);
    this.server = new Server(serverInfo, { capabilities: this.capabilities, instructions });
    this.register(upstreamCaps);
    this.server.onclose = () => ctx.onClose(this);
    this.server.oninitialized = () => {
      this.initialized = true;
      ctx.onInitialized();
    };
  }

  get source(): 'client' | 'mcp-tray' {
    return this.ctx.source;
  }

  /** Serves MCP on a connection: a connector's socket, or an HTTP session. */
  async connect(transport: Transport): Promise<void> {
    await this.server.connect(transport);
    // Installed after the SDK's handler, so it sees each message first.
    if (this.ctx.fastPath) new FastPath(this, transport, this.capabilities);
  }

  /**
   * The call gate, one function for both paths: why a call to `tool` is refused (turned off,
   * waiting for review, rejected), or null to let it through.
   */
  gate(tool: string): string | null {
    return this.ctx.toolAccess().refusal(tool);
  }

  /** Requests of this session still waiting for the server. */
  get inFlight(): number {
    return this.pending.length;
  }

  /**
   * The newest request still in flight. Over HTTP a server-to-client message sent with it as
   * `relatedRequestId` travels on that request's response stream, which the client is
   * certainly reading; without it, it would need the optional GET stream.
   */
  get latestRequest(): RequestId | undefined {
    return this.pending[this.pending.length - 1];
  }

  /** Name and version the client gave in `initialize`. */
  get client(): { name: string; version: string | null } {
    const info = this.server.getClientVersion();
    return { name: info?.name ?? 'unknown client', version: info?.version ?? null };
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private register(caps: ServerCapabilities): void {
    const forward = (request: AnyRequestSchema, result: AnyResultSchema) =>
      this.server.setRequestHandler(request, (req, extra) => this.forward(req, result, extra));
    if (caps.tools) {
      this.server.setRequestHandler(ListToolsRequestSchema, (req, extra) => this.listTools(req, extra));
      this.server.setRequestHandler(CallToolRequestSchema, (req, extra) => this.callTool(req, extra));
    }
    if (caps.resources) {
      forward(ListResourcesRequestSchema as never, ListResourcesResultSchema as never);
      forward(ListResourceTemplatesRequestSchema as never, ListResourceTemplatesResultSchema as never);
      forward(ReadResourceRequestSchema as never, ReadResourceResultSchema as never);
      if (caps.resources.subscribe) {
        this.server.setRequestHandler(SubscribeRequestSchema, (req) =>
          this.subscription(req.params.uri, true),
        );
        this.server.setRequestHandler(UnsubscribeRequestSchema, (req) =>
          this.subscription(req.params.uri, false),
        );
      }
    }
    if (caps.prompts) {
      forward(ListPromptsRequestSchema as never, ListPromptsResultSchema as never);
      forward(GetPromptRequestSchema as never, GetPromptResultSchema as never);
    }
    if (caps.completions) forward(CompleteRequestSchema as never, CompleteResultSchema as never);
    if (caps.logging) forward(SetLevelRequestSchema as never, EmptyResultSchema as never);
    this.server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
      await (await this.ctx.upstream(AbortSignal.timeout(5000))).sendRootsListChanged();
    });
  }

  private async forward(
    req: { method: string; params?: Record<string, unknown> },
    result: AnyResultSchema,
    extra: ForwardExtra,
  ) {
    return this.track(extra.requestId, async () => {
      const upstream = await this.ctx.upstream(extra.signal);
      const { options, flush } = forwardOptions(req.params, extra, this.ctx.timeoutMs());
      this.ctx.activity(1);
      try {
        const answer = await upstream.request(
          { method: req.method, params: upstreamParams(req.params) } as never,
          result,
          options,
        );
        await flush();
        return answer;
      } catch (error) {
        throw isConnectionClosed(error) ? restartedError(this.ctx.instanceName()) : error;
      } finally {
        this.ctx.activity(-1);
      }
    });
  }

  /**
   * The server's tools without those the user turned off or has not approved. The live answer is
   * checked (by hash), so a definition the server changed without telling is hidden too.
   */
  private async listTools(req: { method: string; params?: Record<string, unknown> }, extra: ForwardExtra) {
    const answer = await this.forward(req, ListToolsResultSchema, extra);
    this.ctx.toolsListed(answer.tools);
    const access = this.ctx.toolAccess();
    return { ...answer, tools: answer.tools.filter((t) => access.listed(t)) };
  }

  private async callTool(
    req: { params: { name: string; arguments?: Record<string, unknown>; [key: string]: unknown } },
    extra: ForwardExtra,
  ) {
    return this.track(extra.requestId, async () => {
      const started = this.ctx.now();
      const base = {
        time: started,
        instanceId: this.ctx.instanceId,
        client: this.client,
        source: this.ctx.source,
        tool: req.params.name,
        arguments: req.params.arguments ?? {},
      };
      const message = this.gate(req.params.name);
      if (message !== null) {
        this.ctx.record({ ...base, durationMs: 0, outcome: 'protocol-error', error: message, result: null });
        throw trayError(ErrorCode.InvalidParams, message);
      }
      try {
        const upstream = await this.ctx.upstream(extra.signal);
        const { options, flush } = forwardOptions(req.params, extra, this.ctx.timeoutMs());
        this.ctx.activity(1);
        const result = await upstream
          .request(
            { method: 'tools/call', params: upstreamParams(req.params) },
            CallToolResultSchema,
            options,
          )
          .finally(() => this.ctx.activity(-1));
        await flush();
        const outcome = result.isError ? 'tool-error' : 'ok';
        this.ctx.record({ ...base, durationMs: this.ctx.now() - started, outcome, error: null, result });
        return result;
      } catch (error) {
        const failure = classifyFailure(error, extra.signal);
        const thrown = isConnectionClosed(error) ? restartedError(this.ctx.instanceName()) : error;
        this.ctx.record({
          ...base,
          durationMs: this.ctx.now() - started,
          outcome: failure.outcome,
          error: thrown instanceof Error ? thrown.message : failure.message,
          result: null,
        });
        throw thrown;
      }
    });
  }

  private async subscription(uri: string, on: boolean) {
    if (on) this.subscriptions.add(uri);
    else this.subscriptions.delete(uri);
    this.ctx.onSubscriptionsChanged();
    return {};
  }

  /** Whether the client finished `initialize` (the fast path takes over from there). */
  get ready(): boolean {
    return this.server.getClientVersion() !== undefined;
  }

  /** A request of this session went to the server (routing of server-to-client requests). */
  begin(id: RequestId): void {
    this.pending.push(id);
    this.lastActivity = this.ctx.now();
  }

  /** A request of this session came back. */
  end(id: RequestId): void {
    this.untrack(id);
  }

  private untrack(id: RequestId): void {
    const at = this.pending.lastIndexOf(id);
    if (at !== -1) this.pending.splice(at, 1);
  }

  private async track<T>(id: RequestId, run: () => Promise<T>): Promise<T> {
    this.begin(id);
    try {
      return await run();
    } finally {
      this.untrack(id);
    }
  }
}

/** Capabilities offered to clients: the server's, with list_changed always on (we send it after restarts). */
function advertised(caps: ServerCapabilities): ServerCapabilities {
  return {
    ...(caps.tools ? { tools: { listChanged: true } } : {}),
    ...(caps.resources
      ? { resources: { listChanged: true, subscribe: Boolean(caps.resources.subscribe) } }
      : {}),
    ...(caps.prompts ? { prompts: { listChanged: true } } : {}),
    ...(caps.completions ? { completions: {} } : {}),
    ...(caps.logging ? { logging: {} } : {}),
  };
}

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListRootsRequestSchema,
  ListToolsRequestSchema,
  PromptListChangedNotificationSchema,
  ReadResourceRequestSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  SubscribeRequestSchema,
  ToolListChangedNotificationSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { ClientCapabilities, Implementation, Tool } from '@modelcontextprotocol/sdk/types.js';
import { trayError } from '../broker/forwarding';
import { NameMap, prefixedName, prefixedUri, servicePrefixes, splitUri } from './combined-names';
import type { Target } from './combined-names';
import type { CombinedMembers } from './combined-members';

/** A long wait: the broker's per-instance timeout answers first; this only bounds a lost reply. */
const INNER_TIMEOUT_MS = 30 * 60_000;

type Progress = { progress: number; total?: number; message?: string };
interface Extra {
  signal: AbortSignal;
  sendNotification: (n: {
    method: 'notifications/progress';
    params: Record<string, unknown>;
  }) => Promise<void>;
}

/**
 * One AI client's combined entry (`mcp-tray connect --profile NAME`): every service of the
 * profile behind one MCP server, names prefixed with the service's id. Each service is reached
 * through an ordinary broker session of its own, attached in-process and opened with this
 * client's name, so gates, holds, timeouts and the call log are exactly a per-service entry's.
 */
export class CombinedSession {
  readonly server: Server;
  private readonly clients = new Map<string, Client>();
  private readonly connecting = new Map<string, Promise<void>>();
  private names: NameMap | null = null;
  private closed = false;
  /** Services whose tools the client got in its last `tools/list`. */
  private listed = new Set<string>();
  /** Joining the services at the start; the first answers wait for it (bounded). */
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly members: CombinedMembers,
    serverInfo: Implementation,
    private readonly onClose: (session: CombinedSession) => void,
  ) {
    this.server = new Server(serverInfo, {
      capabilities: {
        tools: { listChanged: true },
        resources: { listChanged: true, subscribe: true },
        prompts: { listChanged: true },
      },
      instructions:
        'MCP Tray: the tools, resources and prompts of several services. Each name starts with ' +
        `the service's id and "__" (resource URIs with the id and "+").`,
    });
    this.server.setRequestHandler(ListToolsRequestSchema, async () => {
      await this.ready;
      return this.listTools();
    });
    this.server.setRequestHandler(CallToolRequestSchema, async (req, extra) => {
      await this.ready;
      return this.callTool(req.params, extra);
    });
    this.server.setRequestHandler(ListResourcesRequestSchema, async () => {
      await this.ready;
      return this.listResources();
    });
    this.server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => {
      await this.ready;
      return this.listTemplates();
    });
    this.server.setRequestHandler(ReadResourceRequestSchema, (req, extra) =>
      this.withUri(req.params.uri, (client, uri) =>
        client.readResource({ ...req.params, uri }, { signal: extra.signal, timeout: INNER_TIMEOUT_MS }),
      ),
    );
    this.server.setRequestHandler(SubscribeRequestSchema, (req) =>
      this.withUri(req.params.uri, (client, uri) => client.subscribeResource({ uri })),
    );
    this.server.setRequestHandler(UnsubscribeRequestSchema, (req) =>
      this.withUri(req.params.uri, (client, uri) => client.unsubscribeResource({ uri })),
    );
    this.server.setRequestHandler(ListPromptsRequestSchema, async () => {
      await this.ready;
      return this.listPrompts();
    });
    this.server.setRequestHandler(GetPromptRequestSchema, async (req, extra) => {
      await this.ready;
      const target = await this.promptTarget(req.params.name);
      return this.clientOf(target.instance).getPrompt(
        { ...req.params, name: target.name },
        { signal: extra.signal, timeout: INNER_TIMEOUT_MS },
      );
    });
    this.server.oninitialized = () => {
      this.ready = this.members.join(this);
    };
    this.server.onclose = () => void this.close();
  }

  /** Serves MCP on the client's connection. */
  async connect(transport: Transport): Promise<void> {
    await this.server.connect(transport);
  }

  /** Instances this session serves now (its profile's services that exist). */
  instances(): string[] {
    return this.members.instances(this);
  }

  /** Whether this service's session is open. */
  has(id: string): boolean {
    return this.clients.has(id);
  }

  /** Services whose sessions are open. */
  attached(): string[] {
    return [...this.clients.keys()];
  }

  /** Whether the client was last shown this service's tools (so their leaving is news). */
  wasListed(id: string): boolean {
    return this.listed.has(id);
  }

  /** Opens the in-process broker session of one service (once it runs), as this client. */
  attach(id: string): Promise<void> {
    if (this.clients.has(id) || this.closed) return Promise.resolve();
    const running = this.connecting.get(id);
    if (running) return running;
    const work = (async () => {
      const [ours, theirs] = InMemoryTransport.createLinkedPair();
      const info = this.server.getClientVersion() ?? { name: 'unknown client', version: '0' };
      const caps: ClientCapabilities = this.server.getClientCapabilities() ?? {};
      const client = new Client(info, { capabilities: caps });
      this.relay(id, client, caps);
      await this.members.attachBroker(this, id, theirs);
      await client.connect(ours);
      if (this.closed) {
        await client.close();
        return;
      }
      this.clients.set(id, client);
    })().finally(() => this.connecting.delete(id));
    this.connecting.set(id, work);
    return work;
  }

  /** A service left the profile or was removed: its session closes. */
  async detach(id: string): Promise<void> {
    const client = this.clients.get(id);
    this.clients.delete(id);
    await client?.close().catch(() => undefined);
  }

  /** Everything this client sees may have changed: it re-lists. */
  async listsChanged(): Promise<void> {
    this.names = null;
    this.listed.clear();
    await this.server.sendToolListChanged().catch(() => undefined);
    await this.server.sendResourceListChanged().catch(() => undefined);
    await this.server.sendPromptListChanged().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await this.server.close().catch(() => undefined);
    this.onClose(this);
  }

  /** The tools of every running service, from the lists the runners keep, through both gates. */
  private listTools(): { tools: Tool[] } {
    const ids = this.available();
    this.listed = new Set(ids);
    const prefixes = servicePrefixes(this.instances());
    const entries = ids.flatMap((id) => this.members.visibleTools(this, id).map((tool) => ({ id, tool })));
    const names = new NameMap(
      prefixes,
      entries.map(({ id, tool }) => ({ instance: id, name: tool.name })),
    );
    this.names = names;
    return {
      tools: entries.map(({ id, tool }) => ({ ...tool, name: names.combined(id, tool.name)! })),
    };
  }

  private async callTool(
    params: { name: string; arguments?: Record<string, unknown>; _meta?: Record<string, unknown> },
    extra: Extra,
  ) {
    let target = this.names?.toTarget.get(params.name);
    if (!target) {
      this.listTools();
      target = this.names?.toTarget.get(params.name);
    }
    if (!target) {
      throw trayError(ErrorCode.InvalidParams, `MCP Tray: there is no tool "${params.name}" here.`);
    }
    const client = this.clientOf(target.instance);
    const token = params._meta?.progressToken as string | number | undefined;
    const { progressToken: _t, ...meta } = params._meta ?? {};
    return client.request(
      {
        method: 'tools/call',
        params: { ...params, name: target.name, ...(Object.keys(meta).length ? { _meta: meta } : {}) },
      },
      CallToolResultSchema,
      {
        signal: extra.signal,
        timeout: INNER_TIMEOUT_MS,
        ...(token === undefined
          ? {}
          : {
              resetTimeoutOnProgress: true,
              onprogress: (p: Progress) =>
                void extra
                  .sendNotification({
                    method: 'notifications/progress',
                    params: { ...p, progressToken: token },
                  })
                  .catch(() => undefined),
            }),
      },
    );
  }

  private async listResources() {
    const prefixes = servicePrefixes(this.instances());
    const lists = await this.fromEach('resources', async (id, client) => {
      const { resources } = await client.listResources();
      const prefix = prefixes.get(id)!;
      return resources.map((r) => ({
        ...r,
        uri: prefixedUri(prefix, r.uri),
        name: prefixedName(prefix, r.name),
      }));
    });
    return { resources: lists.flat() };
  }

  private async listTemplates() {
    const prefixes = servicePrefixes(this.instances());
    const lists = await this.fromEach('resources', async (id, client) => {
      const { resourceTemplates } = await client.listResourceTemplates();
      const prefix = prefixes.get(id)!;
      return resourceTemplates.map((t) => ({
        ...t,
        uriTemplate: prefixedUri(prefix, t.uriTemplate),
        name: prefixedName(prefix, t.name),
      }));
    });
    return { resourceTemplates: lists.flat() };
  }

  private async listPrompts() {
    const prefixes = servicePrefixes(this.instances());
    const lists = await this.fromEach('prompts', async (id, client) => {
      const { prompts } = await client.listPrompts();
      return prompts.map((p) => ({
        ...p,
        name: prefixedName(prefixes.get(id)!, p.name),
        original: p.name,
        id,
      }));
    });
    const all = lists.flat();
    const names = new NameMap(
      prefixes,
      all.map((p) => ({ instance: p.id, name: p.original })),
    );
    return {
      prompts: all.map(({ original, id, ...p }) => ({ ...p, name: names.combined(id, original)! })),
    };
  }

  private async promptTarget(name: string): Promise<Target> {
    const prefixes = servicePrefixes(this.instances());
    const lists = await this.fromEach('prompts', async (id, client) =>
      (await client.listPrompts()).prompts.map((p) => ({ instance: id, name: p.name })),
    );
    const target = new NameMap(prefixes, lists.flat()).toTarget.get(name);
    if (!target) throw trayError(ErrorCode.InvalidParams, `MCP Tray: there is no prompt "${name}" here.`);
    return target;
  }

  private async withUri<T>(uri: string, run: (client: Client, uri: string) => Promise<T>): Promise<T> {
    const target = splitUri(servicePrefixes(this.instances()), uri);
    if (!target) throw trayError(ErrorCode.InvalidParams, `MCP Tray: no service here has "${uri}".`);
    return run(this.clientOf(target.instance), target.uri);
  }

  /** Asks every running service that offers `capability`; one that fails is left out. */
  private async fromEach<T>(
    capability: 'resources' | 'prompts',
    ask: (id: string, client: Client) => Promise<T[]>,
  ): Promise<T[][]> {
    const ids = this.available().filter((id) => this.clients.get(id)?.getServerCapabilities()?.[capability]);
    return Promise.all(ids.map((id) => ask(id, this.clients.get(id)!).catch(() => [])));
  }

  /** Services in the profile that run and whose session is open, in the profile's order. */
  private available(): string[] {
    return this.instances().filter((id) => this.clients.has(id) && this.members.running(id));
  }

  private clientOf(id: string): Client {
    const client = this.clients.get(id);
    if (!client) {
      throw trayError(ErrorCode.InternalError, this.members.whyNot(id));
    }
    return client;
  }

  /** What a service's session sends this client: list changes, resource updates, its requests. */
  private relay(id: string, client: Client, caps: ClientCapabilities): void {
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
      this.names = null;
      await this.server.sendToolListChanged().catch(() => undefined);
    });
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () =>
      this.server.sendResourceListChanged().catch(() => undefined),
    );
    client.setNotificationHandler(PromptListChangedNotificationSchema, () =>
      this.server.sendPromptListChanged().catch(() => undefined),
    );
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, async (n) => {
      const prefix = servicePrefixes(this.instances()).get(id);
      if (prefix) await this.server.sendResourceUpdated({ uri: prefixedUri(prefix, n.params.uri) });
    });
    if (caps.sampling) {
      client.setRequestHandler(CreateMessageRequestSchema, (req, extra) =>
        this.server.createMessage(req.params, { signal: extra.signal }),
      );
    }
    if (caps.elicitation) {
      client.setRequestHandler(ElicitRequestSchema, (req, extra) =>
        this.server.elicitInput(req.params as never, { signal: extra.signal }),
      );
    }
    if (caps.roots) {
      client.setRequestHandler(ListRootsRequestSchema, (_req, extra) =>
        this.server.listRoots(undefined, { signal: extra.signal }),
      );
    }
  }
}

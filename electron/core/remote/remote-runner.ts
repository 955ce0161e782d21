import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { LaunchSpec } from '../integrations/launch-spec';
import type { InstanceConfig } from '../settings/settings-schema';
import { RunnerBase } from '../supervisor/runner-base';
import type { RunnerBaseDeps } from '../supervisor/runner-base';
import type { RemoteAuth } from './authorized-fetch';
import type { RemoteTransportKind } from './remote-transport';
import { sameOrigin } from './remote-url';
import type * as AuthorizedFetchModule from './authorized-fetch';
import type * as RemoteTransport from './remote-transport';

export interface RemoteRunnerDeps extends RunnerBaseDeps {
  config: () => InstanceConfig;
  /** The instance's sign-in: the token and its one refresh path. */
  auth: RemoteAuth;
  /** Shown in messages ("Sign in to Linear"). */
  providerName: () => string;
  fetch: FetchLike;
  /** Remembers the transport that worked, so the next connection tries it first. */
  saveTransport: (kind: RemoteTransportKind) => void;
  /** Headers the server needs on every request (a registry entry's API key header…). */
  headers?: () => Promise<Record<string, string>>;
}

/** How long ending a Streamable HTTP session (DELETE) may hold up a stop. */
const TERMINATE_TIMEOUT_MS = 2_000;

/**
 * The SDK's HTTP transports and OAuth helpers, loaded with the first remote server connected
 * rather than with the core (they are not needed to show the window).
 */
const loadConnection = async (): Promise<typeof RemoteTransport & typeof AuthorizedFetchModule> => {
  const [transport, authorized] = await Promise.all([
    import('./remote-transport'),
    import('./authorized-fetch'),
  ]);
  return { ...transport, ...authorized };
};

/**
 * A remote MCP server reached over HTTP: the same surface as a local server's runner (states,
 * one upstream `Client` the broker forwards every AI client to, tool lists, `ping` health,
 * reconnects with backoff, generations), so the supervisor and the broker treat both alike.
 * There is no process; the stderr log holds connection notes instead.
 */
export class RemoteRunner extends RunnerBase {
  readonly pid = null;
  private transport: Transport | null = null;

  constructor(private readonly deps: RemoteRunnerDeps) {
    super(deps);
  }

  describe(): LaunchSpec {
    const url = this.deps.config().remote?.url ?? '';
    return { command: url, args: [], env: {}, secretEnvNames: [], cwd: null };
  }

  async start(): Promise<void> {
    this.clearTimers();
    const config = this.deps.config();
    if (!config.enabled) {
      this.transition('disabled', 'Disabled by you');
      return;
    }
    const remote = config.remote;
    if (!remote) {
      this.transition('failed', 'This service has no server address.');
      return;
    }
    const gen = ++this.generation;
    this.transition('starting', this.restarts > 0 ? `Reconnecting (attempt ${this.restarts})` : 'Connecting');
    let headers: Record<string, string>;
    let loaded: Awaited<ReturnType<typeof loadConnection>>;
    try {
      headers = (await this.deps.headers?.()) ?? {};
      // Here, so a failure to load the transports fails the connection with its reason.
      loaded = await loadConnection();
      await this.loadClient();
    } catch (error) {
      this.transition('failed', (error as Error).message);
      return;
    }
    const secretHeaderValues = Object.entries(headers)
      .filter(([name]) => remote.secretHeaders?.includes(name))
      .map(([, value]) => value);
    this.secretValues = [...secretHeaderValues];
    const { AuthorizedFetch, connectRemote } = loaded;
    const authorized = new AuthorizedFetch({
      serverUrl: remote.url,
      providerName: this.deps.providerName(),
      base: withHeaders(this.deps.fetch, remote.url, headers),
      auth: this.deps.auth,
      onToken: (token) => (this.secretValues = [token, ...secretHeaderValues]),
      onSessionLost: () => this.onSessionLost(gen),
    });
    let connection;
    try {
      connection = await connectRemote({
        url: remote.url,
        fetch: authorized.fetch,
        preferred: remote.transport,
        makeClient: () => this.newClient(),
        timeoutMs: this.deps.initTimeoutMs,
        stop: () => authorized.failure !== null || gen !== this.generation,
        note: (line) => this.note(line),
      });
    } catch (error) {
      if (gen !== this.generation) return;
      if (authorized.failure) {
        this.transition('needs-auth', authorized.failure.message);
        return;
      }
      const message = /timed out/i.test(String(error))
        ? `did not answer within ${Math.round(this.deps.initTimeoutMs / 1000)} s`
        : `could not be reached: ${(error as Error).message}`;
      this.note(`Connecting failed: ${message}`);
      this.ended = gen;
      this.onCrash(gen, `The server ${message}`);
      return;
    }
    const { client, transport, kind } = connection;
    if (gen !== this.generation) {
      await client.close().catch(() => undefined);
      return;
    }
    this.transport = transport;
    if (kind !== remote.transport) this.deps.saveTransport(kind);
    this.note(`Connected over ${kind === 'sse' ? 'HTTP+SSE' : 'Streamable HTTP'}.`);
    client.onclose = () => this.onGone(gen, 'closed the connection');
    if (!(await this.ready(client, gen))) await client.close().catch(() => undefined);
  }

  async stop(finalState: 'stopped' | 'disabled' | null = 'stopped'): Promise<void> {
    this.generation++;
    this.clearTimers();
    const client = this.client;
    const transport = this.transport;
    this.client = null;
    this.transport = null;
    this.readySince = null;
    if (client) await this.disconnect(client, transport);
    if (finalState) this.transition(finalState, finalState === 'disabled' ? 'Disabled by you' : 'Stopped');
  }

  protected async dropConnection(): Promise<void> {
    const client = this.client;
    const transport = this.transport;
    this.transport = null;
    if (client) await this.disconnect(client, transport);
  }

  /** Ends the session politely (the spec's DELETE) when the server is still there, then closes. */
  private async disconnect(client: Client, transport: Transport | null): Promise<void> {
    client.onclose = undefined;
    if (transport) {
      const { endSession } = await loadConnection();
      await Promise.race([
        endSession(transport),
        new Promise((resolve) => setTimeout(resolve, TERMINATE_TIMEOUT_MS).unref()),
      ]);
    }
    await client.close().catch(() => undefined);
  }

  private onSessionLost(gen: number): void {
    if (gen !== this.generation || this.ended === gen || this.state !== 'running') return;
    this.note('The server no longer knows this session (it may have restarted).');
    this.ended = gen;
    const client = this.client;
    void (client ? client.close().catch(() => undefined) : Promise.resolve()).then(() =>
      this.onCrash(gen, 'The server ended the session'),
    );
  }

  private onGone(gen: number, how: string): void {
    if (gen !== this.generation || this.ended === gen) return;
    this.ended = gen;
    this.onCrash(gen, `The server ${how}`);
  }

  /** A line for the detail view's log (the place a local server's stderr goes). */
  private note(line: string): void {
    this.deps.stderr.write(`${new Date(this.deps.clock.now()).toISOString()} ${line}\n`);
  }
}

/**
 * The instance's own headers on every request to its server's origin (never elsewhere: an
 * API key must not follow a redirect to another host). Headers the request already has (the
 * OAuth bearer token) win.
 */
function withHeaders(base: FetchLike, serverUrl: string, extra: Record<string, string>): FetchLike {
  if (Object.keys(extra).length === 0) return base;
  return (url, init) => {
    if (!sameOrigin(url, serverUrl)) return base(url, init);
    const headers = new Headers(extra);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    return base(url, { ...init, headers });
  };
}

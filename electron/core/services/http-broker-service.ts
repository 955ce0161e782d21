import type { HttpEndpointStatus } from '../../shared/contract';
import { HTTP_BROKER_HOST } from '../broker/http-endpoint';
import { newToken } from '../host/request-guard';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { NoticeService } from './notice-service';

/**
 * Keychain account of the endpoint's bearer token. The leading underscore keeps it out of every
 * instance's namespace (instance ids start with a letter or digit), so removing an instance
 * can never sweep it away.
 */
export const HTTP_TOKEN_ACCOUNT = '_mcp-tray:http-bearer-token';

const NOTICE_ID = 'http-endpoint';

/** The part of `HttpEndpoint` the service drives (a fake in unit tests). */
export interface EndpointHandle {
  listen(): Promise<void>;
  close(): Promise<void>;
  readonly port: number;
}

export interface HttpBrokerServiceDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  notices: NoticeService;
  logger: Logger;
  /** Builds the endpoint for a port and token (the broker and instance lookup bound in). */
  endpoint: (options: { port: number; token: string }) => EndpointHandle;
  /** After the user turned it on or off: rewrite the entries of clients set to HTTP. */
  onEnabledChanged: () => Promise<void>;
}

/** What an HTTP client entry needs: where the endpoint is and the token to send. */
export interface HttpAccess {
  port: number;
  token: string;
}

/**
 * Runs the broker's HTTP endpoint according to the `httpBroker` setting: off by default,
 * started with the core when on, its per-install bearer token (256 bits) created in the
 * keychain on first use. A busy port is never worked around (clients hold the URL): it is an
 * error for the user who turned it on, and a notice when the core starts.
 */
export class HttpBrokerService {
  private endpoint: EndpointHandle | null = null;
  private lastError: string | null = null;

  constructor(private readonly deps: HttpBrokerServiceDeps) {}

  /** At core start: listens when the setting says so; a failure becomes a notice, not a crash. */
  async start(): Promise<void> {
    if (!this.deps.settings.read().httpBroker.enabled) return;
    try {
      await this.listen();
    } catch (error) {
      this.deps.notices.post({ id: NOTICE_ID, level: 'error', message: messageOf(error) });
    }
  }

  /** Ends every HTTP session and stops listening (core stop). */
  async stop(): Promise<void> {
    const endpoint = this.endpoint;
    this.endpoint = null;
    await endpoint?.close();
  }

  async status(showToken = false): Promise<HttpEndpointStatus> {
    const { enabled, port: configured } = this.deps.settings.read().httpBroker;
    const port = this.endpoint?.port ?? configured;
    const token = showToken ? await this.deps.secrets.get(HTTP_TOKEN_ACCOUNT) : null;
    return {
      enabled,
      running: this.endpoint !== null,
      port,
      baseUrl: `http://${HTTP_BROKER_HOST}:${port}/mcp/`,
      error: enabled && !this.endpoint ? this.lastError : null,
      ...(token ? { token } : {}),
    };
  }

  /**
   * Turns the endpoint on or off and saves the choice. Turning it on fails, saving nothing,
   * when the port is busy or the keychain cannot hold the token.
   */
  async setEnabled(enabled: boolean): Promise<HttpEndpointStatus> {
    const was = this.deps.settings.read().httpBroker.enabled;
    if (enabled) await this.listen();
    else await this.stop();
    this.deps.notices.dismiss(NOTICE_ID);
    this.deps.settings.update((s) => ({ ...s, httpBroker: { ...s.httpBroker, enabled } }));
    this.deps.logger.info(enabled ? 'HTTP endpoint turned on' : 'HTTP endpoint turned off');
    if (was !== enabled) {
      await this.deps.onEnabledChanged().catch((error: unknown) => {
        this.deps.logger.warn('could not rewrite the entries of HTTP clients', { error: String(error) });
      });
    }
    return this.status();
  }

  /** Port and token for writing HTTP entries; null while the endpoint is off. */
  async access(): Promise<HttpAccess | null> {
    const { enabled, port } = this.deps.settings.read().httpBroker;
    if (!enabled) return null;
    return { port, token: await this.token() };
  }

  private async listen(): Promise<void> {
    if (this.endpoint) return;
    const { port } = this.deps.settings.read().httpBroker;
    try {
      const endpoint = this.deps.endpoint({ port, token: await this.token() });
      await endpoint.listen();
      this.endpoint = endpoint;
      this.lastError = null;
      this.deps.logger.info('HTTP endpoint listening', { port: endpoint.port });
    } catch (error) {
      this.lastError = messageOf(error);
      this.deps.logger.error('HTTP endpoint could not start', { port, error: this.lastError });
      throw error;
    }
  }

  /** The bearer token, created in the keychain the first time it is needed. */
  private async token(): Promise<string> {
    const existing = await this.deps.secrets.get(HTTP_TOKEN_ACCOUNT);
    if (existing) return existing;
    const token = newToken();
    await this.deps.secrets.set(HTTP_TOKEN_ACCOUNT, token);
    this.deps.logger.info('created the HTTP endpoint token in the keychain');
    return token;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import type { Envelope, RequestInput, RequestName, RequestOutput } from '../../shared/contract';
import { requests } from '../../shared/contract';
import type { Logger } from '../platform/logger';
import { UserFacingError } from './errors';

/** One handler per contract request; a missing one is a compile error. */
export type Handlers = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>> | RequestOutput<K>;
};

const isRequestName = (name: string): name is RequestName => Object.hasOwn(requests, name);

/**
 * Validates a request against the contract, runs its handler and returns an envelope.
 * Both transports (IPC and WebSocket) go through here, so validation happens once.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly logger: Logger,
  ) {}

  async dispatch(name: string, input: unknown): Promise<Envelope<unknown>> {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'unknown-request', message: `Unknown request "${name}".` } };
    }
    const spec = requests[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      return {
        ok: false,
        error: { code: 'invalid-input', message: `Invalid input for ${name}${where}: ${issue?.message}` },
      };
    }
    try {
      const handler = this.handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      const value = spec.output.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof UserFacingError) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      this.logger.error('request failed', { request: name, error: String(error) });
      return {
        ok: false,
        error: { code: 'internal', message: `MCP Tray could not complete "${name}"; see the log.` },
      };
    }
  }
}

import type { TrayApi } from '../../shared/api';
import type { HttpEndpointStatus } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

function describe(status: HttpEndpointStatus, out: Out): void {
  if (!status.enabled) {
    out(`HTTP endpoint: off (turn it on with: mcp-tray http on; it would listen on port ${status.port})`);
  } else if (status.running) {
    out(`HTTP endpoint: on, listening at ${status.baseUrl}<service-id>`);
  } else {
    out(`HTTP endpoint: on, but not running: ${status.error ?? 'it has not started yet'}`);
  }
  if (status.token) out(`Token (send as "Authorization: Bearer <token>"): ${status.token}`);
}

/**
 * `mcp-tray http on|off|status [--show-token]`. The token is printed only when asked for: it
 * lets anything on this computer call every service, so it stays off screens and logs by default.
 */
export async function httpCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, extra] = args.positionals;
  if (extra !== undefined || (sub !== undefined && !['on', 'off', 'status'].includes(sub))) {
    throw new UsageError('usage: mcp-tray http on|off|status [--show-token]');
  }
  if (sub === 'on' || sub === 'off') await api.setHttpEndpointEnabled({ enabled: sub === 'on' });
  const status = await api.getHttpEndpoint({ showToken: args.showToken });
  if (args.json) out(JSON.stringify(status));
  else describe(status, out);
  return status.enabled && !status.running ? 1 : 0;
}

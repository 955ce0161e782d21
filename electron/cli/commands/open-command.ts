import type { TrayApi } from '../../shared/api';
import type { InstallRequest } from '../../shared/deep-link';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

/** One line saying what the link asks to add, for the person who ran the command. */
function describeInstallRequest(request: InstallRequest): string {
  switch (request.kind) {
    case 'catalog':
      return `the integration "${request.integrationId}"`;
    case 'remote':
      return `the remote server ${request.url}${request.name ? ` ("${request.name}")` : ''}`;
    case 'custom': {
      const command = [request.command, ...request.args].join(' ');
      const secrets = request.secretEnvNames.length
        ? `; you will be asked for ${request.secretEnvNames.join(', ')}`
        : '';
      return `the command \`${command}\`${request.name ? ` ("${request.name}")` : ''}${secrets}`;
    }
  }
}

/**
 * `mcp-tray open <mcp-tray://install?…>`: hands an install link to the running MCP Tray, which
 * opens its Add flow prefilled. Nothing is added until the user confirms there.
 */
export async function openCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [url, extra] = args.positionals;
  if (!url || extra !== undefined) throw new UsageError('open takes exactly one mcp-tray:// link');
  const { request } = await api.openInstallLink({ url });
  if (args.json) {
    out(JSON.stringify({ request }));
    return 0;
  }
  out(`MCP Tray will offer to add ${describeInstallRequest(request)}.`);
  out('Review and confirm it in the MCP Tray window; nothing is added until you do.');
  return 0;
}

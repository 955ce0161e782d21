import { currentDataDir } from '../core/platform/paths';
import { UsageError } from './args';
import type { ParsedArgs } from './args';
import { addCommand, simpleInstanceCommand, statusCommand } from './commands/instance-commands';
import { authCommand } from './commands/auth-command';
import { clientsCommand } from './commands/clients-command';
import { httpCommand } from './commands/http-command';
import { logsCommand } from './commands/logs-command';
import { openCommand } from './commands/open-command';
import {
  addFromRegistry,
  outdatedCommand,
  rollbackCommand,
  searchCommand,
  updateCommand,
} from './commands/registry-commands';
import { toolsCommand } from './commands/tools-command';
import { permissionsCommand } from './commands/permissions-command';
import { connectControl } from './control-client';

// Its own chunk: these commands only talk to a running core over its local socket, so they
// load the contract and the command modules, never the core (see run-command.ts).

const out = (line: string) => process.stdout.write(line + '\n');

/** Commands answered by the running core over its local socket. */
export async function controlCommand(args: ParsedArgs): Promise<number> {
  if (args.command === 'open' && args.positionals.length !== 1) {
    throw new UsageError('open takes exactly one mcp-tray:// link');
  }
  const follow = args.command === 'logs' && args.follow;
  const connection = await connectControl(currentDataDir(args.dataDir), { events: follow });
  try {
    switch (args.command) {
      case 'status':
        return await statusCommand(connection.api, args, out);
      case 'add':
        return args.registry !== undefined
          ? await addFromRegistry(connection.api, args, out)
          : await addCommand(connection.api, args, out);
      case 'search':
        return await searchCommand(connection.api, args, out);
      case 'outdated':
        return await outdatedCommand(connection.api, args, out);
      case 'update':
        return await updateCommand(connection.api, args, out);
      case 'rollback':
        return await rollbackCommand(connection.api, args, out);
      case 'logs':
        return await logsCommand(connection.api, args, out, connection.closed);
      case 'clients':
        return await clientsCommand(connection.api, args, out);
      case 'auth':
        return await authCommand(connection.api, args, out);
      case 'open':
        return await openCommand(connection.api, args, out);
      case 'http':
        return await httpCommand(connection.api, args, out);
      case 'tools':
        return await toolsCommand(connection.api, args, out);
      case 'permissions':
        return await permissionsCommand(connection.api, args, out);
      default:
        return await simpleInstanceCommand(connection.api, args, out);
    }
  } finally {
    connection.close();
  }
}

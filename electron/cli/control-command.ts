import { currentDataDir } from '../core/platform/paths';
import { UsageError } from './args';
import type { ParsedArgs } from './args';
import { connectControl } from './control-client';
import { addCommand, simpleInstanceCommand, statusCommand } from './commands/instance-commands';
import { httpCommand } from './commands/http-command';
import { logsCommand } from './commands/logs-command';
import { openCommand } from './commands/open-command';

// These commands only talk to a running core over its local socket, so they never load the
// core. The everyday ones (status, logs, restart…) are imported statically into `mcp-tray.mjs`
// and need neither the contract nor zod; the rest are imported on demand from `dist/cli/heavy/`.

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
          ? await (await import('./commands/registry-commands')).addFromRegistry(connection.api, args, out)
          : await addCommand(connection.api, args, out);
      case 'search':
        return await (await import('./commands/registry-commands')).searchCommand(connection.api, args, out);
      case 'outdated':
        return await (
          await import('./commands/registry-commands')
        ).outdatedCommand(connection.api, args, out);
      case 'update':
        return await (await import('./commands/registry-commands')).updateCommand(connection.api, args, out);
      case 'rollback':
        return await (
          await import('./commands/registry-commands')
        ).rollbackCommand(connection.api, args, out);
      case 'logs':
        return await logsCommand(connection.api, args, out, connection.closed);
      case 'clients':
        return await (await import('./commands/clients-command')).clientsCommand(connection.api, args, out);
      case 'auth':
        return await (await import('./commands/auth-command')).authCommand(connection.api, args, out);
      case 'open':
        return await openCommand(connection.api, args, out);
      case 'http':
        return await httpCommand(connection.api, args, out);
      case 'tools':
        return await (await import('./commands/tools-command')).toolsCommand(connection.api, args, out);
      case 'permissions':
        return await (
          await import('./commands/permissions-command')
        ).permissionsCommand(connection.api, args, out);
      case 'profiles':
        return await (await import('./commands/profiles-command')).profilesCommand(connection.api, args, out);
      case 'export':
        return await (await import('./commands/setup-command')).exportCommand(connection.api, args, out);
      case 'import':
        return await (await import('./commands/setup-command')).importCommand(connection.api, args, out);
      case 'signout':
        return await (await import('./commands/auth-command')).signOutCommand(connection.api, args, out);
      case 'settings':
        return await (await import('./commands/settings-command')).settingsCommand(connection.api, args, out);
      case 'install':
        return await (await import('./commands/install-command')).installCommand(connection.api, args, out);
      case 'call':
        return await (await import('./commands/call-command')).callCommand(connection.api, args, out);
      case 'preferences':
        return await (await import('./commands/app-commands')).preferencesCommand(connection.api, args, out);
      case 'diagnostics':
        return await (await import('./commands/app-commands')).diagnosticsCommand(connection.api, args, out);
      case 'secrets':
        return await (await import('./commands/app-commands')).secretsCommand(connection.api, args, out);
      case 'quit':
        return await (await import('./commands/quit-command')).quitCommand(connection.api, args, out);
      default:
        return await simpleInstanceCommand(connection.api, args, out);
    }
  } finally {
    connection.close();
  }
}

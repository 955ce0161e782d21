import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { LaunchResolver } from '../integrations/launch-spec';
import { UserFacingError } from '../rpc/errors';
import type { InstanceConfig } from '../settings/settings-schema';
import { childEnv } from '../supervisor/child-env';
import { failureLine } from '../supervisor/failure-line';
import { ChildStdioTransport } from '../supervisor/child-transport';
import type { CommandResolver } from '../supervisor/command-resolver';
import type { Spawner, StopTiming } from '../supervisor/process-group';
import { stopProcessGroup } from '../supervisor/process-group';
import type { ToolTrial } from '../services/registry-updates-service';
import type * as SdkClient from '@modelcontextprotocol/sdk/client/index.js';

/** The SDK's client, loaded with the first trial (an update check) rather than with the core. */
const loadClient = (): Promise<typeof SdkClient> => import('@modelcontextprotocol/sdk/client/index.js');

export interface ToolTrialDeps {
  launch: LaunchResolver;
  commands: CommandResolver;
  spawner: Spawner;
  env: NodeJS.ProcessEnv;
  stopTiming: StopTiming;
  clientInfo: { name: string; version: string };
  /** A first `npx` run downloads the package: give it time, but not forever. */
  timeoutMs?: number;
}

/**
 * Starts an instance's command on its own (never through the broker: no AI client sees it),
 * lists its tools, and stops its whole process group. Each tool maps to a fingerprint of its
 * definition, so an update can say which tools are new, gone, or changed.
 */
export function createToolTrial(deps: ToolTrialDeps): ToolTrial {
  return async (config: InstanceConfig) => {
    const launch = await deps.launch.resolve(config);
    const command = await deps.commands.resolve(launch.command, launch.args, {
      cwd: launch.cwd ?? undefined,
    });
    if (!command.ok) throw new UserFacingError('runtime-missing', command.reason);
    const searchPath = await deps.commands.searchPath();
    let child: ChildProcessWithoutNullStreams | null = null;
    const stderr: string[] = [];
    const { Client } = await loadClient();
    const client = new Client(deps.clientInfo, { capabilities: {} });
    try {
      child = deps.spawner.spawn({
        file: command.file,
        args: command.args,
        env: { ...childEnv(deps.env, searchPath, launch.env, launch.secretEnv), ...command.env },
        cwd: launch.cwd,
        windowsVerbatimArguments: command.windowsVerbatimArguments,
      });
      // The last lines of its error output say why a trial failed better than "Connection closed".
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
        stderr.splice(0, Math.max(0, stderr.length - 50));
      });
      const timeout = deps.timeoutMs ?? 120_000;
      await client.connect(new ChildStdioTransport(child, () => undefined), { timeout });
      const tools = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {}, { timeout });
        for (const tool of page.tools) {
          const definition = JSON.stringify([
            tool.description ?? '',
            tool.inputSchema,
            tool.annotations ?? {},
          ]);
          tools.set(tool.name, createHash('sha256').update(definition).digest('hex'));
        }
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    } catch (error) {
      const line = failureLine(stderr);
      throw line ? new Error(`${(error as Error).message} (${line})`, { cause: error }) : error;
    } finally {
      await client.close().catch(() => undefined);
      if (child) await stopProcessGroup(child, deps.stopTiming);
    }
  };
}

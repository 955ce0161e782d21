import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Settings } from '../settings/settings-schema';
import type { ProfileSelector } from './profile-rules';
import { findProfile, isEverything, profileNameFor, toolChoice } from './profile-rules';

/** The part of the broker's tool gate a profile adds (same shape as the broker's `ToolAccess`). */
export interface ProfileAccess {
  listed(tool: Tool): boolean;
  refusal(name: string): string | null;
}

/**
 * The one decision profiles add to a session: whether a tool of this instance is visible and
 * callable. Null when the session is not restricted (Everything), so the hot path pays nothing.
 */
export function profileGate(
  settings: Settings,
  selector: ProfileSelector,
  instanceId: string,
): ProfileAccess | null {
  const profileName = profileNameFor(settings, selector);
  if (isEverything(profileName)) return null;
  const choice = toolChoice(settings, profileName, instanceId);
  if (choice.kind === 'all') return null;
  const allowed = (name: string) => choice.kind === 'some' && choice.tools.has(name);
  const instanceName = settings.instances.find((c) => c.id === instanceId)?.name ?? instanceId;
  const gone = findProfile(settings, profileName) === null;
  return {
    listed: (tool) => allowed(tool.name),
    refusal: (name) => {
      if (allowed(name)) return null;
      if (gone) {
        return (
          `The profile "${profileName}" this connection uses no longer exists in MCP Tray, so it ` +
          `offers no tools. Choose another profile for this client in MCP Tray (Clients).`
        );
      }
      const what = choice.kind === 'none' ? `the service "${instanceName}" is` : `the tool "${name}" is`;
      return (
        `The tool "${name}" of "${instanceName}" is not available here: ${what} not in the profile ` +
        `"${profileName}" that this connection uses. Add it in MCP Tray (Profiles) or run ` +
        `"mcp-tray profiles add ${quoteArg(profileName)} ${instanceId}${choice.kind === 'none' ? '' : `:${name}`}".`
      );
    },
  };
}

/** Both gates at once: the broker's (switched off, waiting for review) first, then the profile's. */
export function withProfile<A extends ProfileAccess>(access: A, gate: ProfileAccess | null): A {
  if (!gate) return access;
  return {
    ...access,
    listed: (tool: Tool) => access.listed(tool) && gate.listed(tool),
    refusal: (name: string) => access.refusal(name) ?? gate.refusal(name),
  };
}

const quoteArg = (word: string) => (/^[A-Za-z0-9_.-]+$/.test(word) ? word : `"${word}"`);

import type { TrayApi } from '../../shared/api';
import type { ProfileInfo, ProfileServiceChoice } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

const USAGE =
  'usage: mcp-tray profiles [--json] | profiles create|delete NAME | profiles rename NAME NEW | ' +
  'profiles add|remove NAME <service>[:tool,tool]...';

/** `github` → the whole service; `github:search,get` → those tools of it. */
export function parseChoice(word: string): ProfileServiceChoice {
  const at = word.indexOf(':');
  if (at === -1) return { instance: word, tools: null };
  const tools = word
    .slice(at + 1)
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tools.length === 0) throw new UsageError(`"${word}" names no tool after the colon`);
  return { instance: word.slice(0, at), tools };
}

function describe(out: Out, profile: ProfileInfo): void {
  const users = profile.clients.length ? ` (used by ${profile.clients.join(', ')})` : '';
  out(`${profile.name}${profile.builtIn ? ' [default]' : ''}${users}`);
  if (profile.builtIn) {
    out('  every service, every tool');
    return;
  }
  if (profile.services.length === 0) out('  no services yet');
  for (const s of profile.services) {
    const tools = s.tools === null ? 'all tools' : s.tools.length ? s.tools.join(', ') : 'no tools';
    out(`  ${s.instance}${s.name === null ? ' (removed: left out)' : ''}: ${tools}`);
  }
}

/** `mcp-tray profiles …`. */
export async function profilesCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [sub, name, ...rest] = args.positionals;
  if (sub === undefined) {
    const profiles = await api.listProfiles();
    if (args.json) out(JSON.stringify(profiles));
    else profiles.forEach((p) => describe(out, p));
    return 0;
  }
  if (!name) throw new UsageError(USAGE);
  let result: ProfileInfo | ProfileInfo[];
  switch (sub) {
    case 'create':
      if (rest.length) throw new UsageError(USAGE);
      result = await api.createProfile({ name });
      break;
    case 'delete':
      if (rest.length) throw new UsageError(USAGE);
      result = await api.deleteProfile({ name });
      break;
    case 'rename':
      if (rest.length !== 1) throw new UsageError(USAGE);
      result = await api.renameProfile({ name, to: rest[0]! });
      break;
    case 'add':
    case 'remove': {
      if (rest.length === 0) throw new UsageError(USAGE);
      const choices = rest.map(parseChoice);
      result = await api.editProfile(sub === 'add' ? { name, add: choices } : { name, remove: choices });
      break;
    }
    default:
      throw new UsageError(USAGE);
  }
  if (args.json) out(JSON.stringify(result));
  else if (Array.isArray(result)) out(`Deleted the profile "${name}"; its clients now get Everything.`);
  else {
    describe(out, result);
    for (const id of result.missing) out(`  note: "${id}" no longer exists; the profile works without it`);
  }
  return 0;
}

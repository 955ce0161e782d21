import type { PermissionProfile } from '../../shared/permissions-contract';

/** Shows `/home/you/x` as `~/x`, as people know their folders. */
const tilde = (p: string, home: string): string =>
  p === home ? '~' : p.startsWith(`${home}/`) ? `~${p.slice(home.length)}` : p;

/**
 * A profile in sentences for the Permissions tab and `mcp-tray permissions`. Says only what the
 * profile enforces: a `none` profile says plainly that nothing is confined.
 */
export function describeProfile(
  profile: PermissionProfile,
  ctx: { home: string; instanceDir: string; remote: boolean },
): string[] {
  if (ctx.remote)
    return ['Runs on the service’s own servers, not on this computer: there is nothing to sandbox here.'];
  if (profile.level === 'none') {
    return [
      'Not sandboxed: it can read, change and send anything your user account can.',
      ...(profile.note ? [profile.note] : []),
    ];
  }
  const lines = [
    'Can read your files except secret stores (SSH and cloud keys, browser profiles, password managers and keyrings), other AI clients’ settings and MCP Tray’s data.',
    `Can write only to its own folder (${tilde(ctx.instanceDir, ctx.home)}) and the temporary folder${profile.allowWrite.length ? '' : '.'}`,
  ];
  if (profile.allowWrite.length) {
    lines[1] += `, and to ${profile.allowWrite.map((p) => tilde(p, ctx.home)).join(', ')}.`;
  }
  if (profile.allowRead.length) {
    lines.push(`You let it read ${profile.allowRead.map((p) => tilde(p, ctx.home)).join(', ')}.`);
  }
  if (profile.level === 'strict') {
    lines.push(
      profile.allowNet.length
        ? `Can reach only ${profile.allowNet.join(', ')} on the network.`
        : 'Cannot reach the network.',
    );
  } else {
    lines.push('Can reach any host on the network.');
  }
  return lines;
}

import fs from 'node:fs';
import path from 'node:path';
import type { EditPermissions, PermissionProfile } from '../../shared/permissions-contract';
import { EditPermissions as EditSchema } from '../../shared/permissions-contract';
import { UserFacingError } from '../rpc/errors';

/** A refused edit: `message` says which path or host and why; nothing was changed. */
class PermissionEditError extends UserFacingError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

/**
 * Why a path cannot be granted, or null when it can. Grants must be absolute, must not use
 * `..` (a grant means exactly the folder it names), and must exist (a typo never becomes a
 * grant of something created later).
 */
function refusePath(p: string): string | null {
  if (!path.isAbsolute(p))
    return `"${p}" is a relative path; give the full path (for example /home/you/notes)`;
  if (p.split(/[\\/]/).includes('..')) return `"${p}" uses "..": give the folder's own full path`;
  if (!fs.existsSync(p)) return `"${p}" does not exist`;
  return null;
}

/**
 * Applies an edit to a profile. All paths are checked first: one refused path refuses the whole
 * edit, so a profile is never changed halfway. Hosts are removed with `denyNet`; a host cannot be
 * blocked alone while the network is open (the sandbox filters by an allow list), so that is
 * refused in words rather than silently doing nothing.
 */
export function applyEdit(current: PermissionProfile, raw: EditPermissions): PermissionProfile {
  const edit = EditSchema.parse(raw);
  const problems = [...edit.allowRead, ...edit.allowWrite]
    .map(refusePath)
    .filter((problem): problem is string => problem !== null);
  if (problems.length) throw new PermissionEditError(`Not changed: ${problems.join('; ')}.`);
  const level = edit.level ?? current.level;
  if (edit.denyNet.length && level !== 'strict') {
    throw new PermissionEditError(
      `Not changed: the network is open at the ${level} level, so ${edit.denyNet.join(', ')} cannot be ` +
        'blocked alone. Use --level strict and --allow-net for the hosts it needs; every other host is then blocked.',
    );
  }
  const normal = (p: string) => path.normalize(p).replace(/[\\/]+$/, '') || path.sep;
  const revoked = new Set(edit.revokePath.map(normal));
  const keep = (list: string[]) => list.filter((p) => !revoked.has(normal(p)));
  const denied = new Set(edit.denyNet);
  // A note explained a profile nobody chose; after an edit the user has chosen.
  return {
    level,
    allowRead: [...new Set([...keep(current.allowRead), ...edit.allowRead.map(normal)])],
    allowWrite: [...new Set([...keep(current.allowWrite), ...edit.allowWrite.map(normal)])],
    allowNet: [...new Set([...current.allowNet, ...edit.allowNet])].filter((h) => !denied.has(h)),
  };
}

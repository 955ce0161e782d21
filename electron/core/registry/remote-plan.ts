import type { RegistryField } from '../../shared/registry-contract';
import type { PlanValues } from './install-plan';
import { CommandBuilder, PlanError } from './install-plan';
import { FieldSet, fillTemplate } from './registry-fields';
import type { RegistryRemote } from './registry-schema';
import { hasControl, unsafeHeaderName } from './safe-values';

/** A remote entry as an instance: its address with variables filled, and its headers. */
export interface RemotePlan {
  url: string;
  transport: 'streamable-http' | 'sse';
  headers: Record<string, string>;
  /** Header values that go to the keychain only. */
  secretHeaders: Record<string, string>;
  missing: RegistryField[];
  fields: RegistryField[];
}

/** Fields of a remote: its URL's variables, then its headers. */
export function remoteFields(remote: RegistryRemote): FieldSet {
  const fields = new FieldSet();
  fields.urlVariables(remote.url, remote.variables);
  for (const header of remote.headers ?? []) fields.keyValue(header, 'header');
  return fields;
}

/** Builds a remote's address and headers from the given values. Throws `PlanError`. */
export function planRemote(remote: RegistryRemote, given: PlanValues): RemotePlan {
  const fields = remoteFields(remote);
  const build = new CommandBuilder(fields, given);
  const filled = fillTemplate(remote.url, (name) => {
    const variable = remote.variables?.[name];
    const r = variable ? build.resolve(variable) : undefined;
    return r && r !== 'kept' ? { value: encodeURIComponent(r.value), secret: r.secret } : undefined;
  });
  if (filled.secret) throw new PlanError('The address would hold a secret value; MCP Tray refuses that.');
  const headers: Record<string, string> = {};
  const secretHeaders: Record<string, string> = {};
  for (const header of remote.headers ?? []) {
    const bad = unsafeHeaderName(header.name);
    if (bad) throw new PlanError(`Refused: ${bad}.`);
    // A secret header already in the keychain (an update) is kept without asking again.
    const r = header.value !== undefined ? build.template(header) : build.resolve(header, header.name);
    if (r === undefined || r === 'kept') continue;
    const value = 'text' in r ? r.text : r.value;
    if (hasControl(value))
      throw new PlanError(`Refused the value of ${header.name}: it has control characters.`);
    if (r.secret) secretHeaders[header.name] = value;
    else headers[header.name] = value;
  }
  return {
    url: filled.text,
    transport: remote.type,
    headers,
    secretHeaders,
    missing: build.missing,
    fields: fields.list(),
  };
}

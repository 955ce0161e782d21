import type { Profile, Settings } from '../settings/settings-schema';

/** The default profile: every service with every tool, as before profiles existed. */
export const EVERYTHING = 'Everything';

/**
 * What a session was opened for: an entry may name its own profile (`--profile`); otherwise the
 * profile of the client it belongs to (`--client`); otherwise Everything.
 */
export interface ProfileSelector {
  profile?: string;
  client?: string;
}

/**
 * One collator, made when two names first differ: `localeCompare` with options builds one per
 * call (on the broker's call path), and making it at load was ~7 ms of every start.
 */
const collator = (() => {
  let made: Intl.Collator | null = null;
  return () => (made ??= new Intl.Collator(undefined, { sensitivity: 'accent' }));
})();
const same = (a: string, b: string) => a === b || collator().compare(a, b) === 0;

/** A stored profile by name (names are compared without regard to case); null for Everything. */
export function findProfile(settings: Settings, name: string): Profile | null {
  return settings.profiles.find((p) => same(p.name, name)) ?? null;
}

export const isEverything = (name: string): boolean => same(name, EVERYTHING);

/** The profile a session uses now (the client's choice can change while it is open). */
export function profileNameFor(settings: Settings, selector: ProfileSelector): string {
  if (selector.profile) return selector.profile;
  const assigned = selector.client ? settings.clients[selector.client]?.profile : undefined;
  return assigned ?? EVERYTHING;
}

/**
 * Which tools of an instance a profile gives: `all`, a set of names, or `none` (the service is
 * not in it, or the profile no longer exists: nothing is shown rather than everything).
 */
export type ToolChoice = { kind: 'all' } | { kind: 'some'; tools: ReadonlySet<string> } | { kind: 'none' };

export function toolChoice(settings: Settings, profileName: string, instanceId: string): ToolChoice {
  if (isEverything(profileName)) return { kind: 'all' };
  const profile = findProfile(settings, profileName);
  const entry = profile?.services.find((s) => s.instance === instanceId);
  if (!entry) return { kind: 'none' };
  return entry.tools === null ? { kind: 'all' } : { kind: 'some', tools: new Set(entry.tools) };
}

/** The instances a profile serves, in order, skipping those that were removed. */
export function profileInstances(settings: Settings, profileName: string): string[] {
  const existing = settings.instances.map((c) => c.id);
  if (isEverything(profileName)) return existing;
  const profile = findProfile(settings, profileName);
  const known = new Set(existing);
  return (profile?.services ?? []).map((s) => s.instance).filter((id) => known.has(id));
}

/** Services a profile names that no longer exist: it works without them and says so. */
export function missingInstances(settings: Settings, profile: Profile): string[] {
  const known = new Set(settings.instances.map((c) => c.id));
  return profile.services.map((s) => s.instance).filter((id) => !known.has(id));
}

/**
 * A comparable picture of what a session sees of one instance (or, with no instance, of the
 * whole profile): a change in it is what makes a session re-list, and nothing else does.
 */
export function choiceSignature(settings: Settings, selector: ProfileSelector, instanceId?: string): string {
  const name = profileNameFor(settings, selector);
  const exists = isEverything(name) || findProfile(settings, name) !== null;
  const ids = instanceId ? [instanceId] : profileInstances(settings, name);
  const parts = ids.map((id) => {
    const choice = toolChoice(settings, name, id);
    return `${id}:${choice.kind === 'some' ? [...choice.tools].sort().join(',') : choice.kind}`;
  });
  return `${exists ? 'ok' : 'gone'}|${parts.join(';')}`;
}

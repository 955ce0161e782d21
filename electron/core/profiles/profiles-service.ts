import type { EditProfile, ProfileInfo } from '../../shared/contract';
import type { EventBus } from '../event-bus';
import { UserFacingError } from '../rpc/errors';
import type { Profile, Settings } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { ProfileSelector } from './profile-rules';
import { EVERYTHING, choiceSignature, findProfile, isEverything, missingInstances } from './profile-rules';

export interface ProfilesServiceDeps {
  settings: SettingsStore;
  bus: EventBus;
  /** Tell per-service sessions whose visible tools changed (and only them). */
  sessionsChanged: (affected: (id: string, selector: ProfileSelector) => boolean) => Promise<void>;
  /** Combined sessions compare what they serve and re-list when it changed. */
  combinedChanged: () => Promise<void>;
  /** The tools a service lists now (to take one tool out of a profile that had them all). */
  toolNames: (id: string) => string[] | null;
}

/** The user's profiles: named sets of services, with optional tool choices inside each. */
export class ProfilesService {
  constructor(private readonly deps: ProfilesServiceDeps) {}

  list(): ProfileInfo[] {
    const settings = this.deps.settings.read();
    const users = (name: string) =>
      Object.entries(settings.clients)
        .filter(([, c]) => (c.profile ?? EVERYTHING).toLowerCase() === name.toLowerCase())
        .map(([id]) => id)
        .sort();
    const everything: ProfileInfo = {
      name: EVERYTHING,
      builtIn: true,
      services: settings.instances.map((c) => ({ instance: c.id, name: c.name, tools: null })),
      missing: [],
      clients: users(EVERYTHING),
    };
    return [everything, ...settings.profiles.map((p) => this.info(settings, p, users(p.name)))];
  }

  get(name: string): ProfileInfo {
    const found = this.list().find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!found) throw this.noSuch(name);
    return found;
  }

  async create(name: string): Promise<ProfileInfo> {
    this.checkFree(name);
    await this.change((s) => ({ ...s, profiles: [...s.profiles, { name, services: [] }] }));
    return this.get(name);
  }

  async remove(name: string): Promise<ProfileInfo[]> {
    const profile = this.stored(name);
    await this.change((s) => ({
      ...s,
      profiles: s.profiles.filter((p) => p !== findProfile(s, profile.name)),
      clients: Object.fromEntries(
        Object.entries(s.clients).map(([id, c]) => {
          if (c.profile?.toLowerCase() !== profile.name.toLowerCase()) return [id, c];
          const { profile: _gone, ...rest } = c;
          return [id, rest];
        }),
      ),
    }));
    return this.list();
  }

  async rename(name: string, to: string): Promise<ProfileInfo> {
    const profile = this.stored(name);
    if (profile.name.toLowerCase() !== to.toLowerCase()) this.checkFree(to);
    await this.change((s) => ({
      ...s,
      profiles: s.profiles.map((p) => (p.name === profile.name ? { ...p, name: to } : p)),
      clients: Object.fromEntries(
        Object.entries(s.clients).map(([id, c]) => [
          id,
          c.profile?.toLowerCase() === profile.name.toLowerCase() ? { ...c, profile: to } : c,
        ]),
      ),
    }));
    return this.get(to);
  }

  /**
   * Adds services (all their tools, or the tools named) and removes services or single tools.
   * Taking one tool from a service that gave all of them keeps the others it lists now.
   */
  async edit(input: EditProfile): Promise<ProfileInfo> {
    const profile = this.stored(input.name);
    const known = new Set(this.deps.settings.read().instances.map((c) => c.id));
    const services = new Map(profile.services.map((s) => [s.instance, s.tools]));
    for (const add of input.add ?? []) {
      if (!known.has(add.instance)) {
        throw new UserFacingError('not-found', `There is no service called "${add.instance}".`);
      }
      const tools = add.tools ?? null;
      const current = services.get(add.instance);
      if (current === undefined || tools === null) services.set(add.instance, tools);
      else if (current !== null) services.set(add.instance, [...new Set([...current, ...tools])]);
    }
    for (const cut of input.remove ?? []) {
      const current = services.get(cut.instance);
      if (current === undefined) continue;
      if (!cut.tools) {
        services.delete(cut.instance);
        continue;
      }
      const from = current ?? this.deps.toolNames(cut.instance);
      if (!from) {
        throw new UserFacingError(
          'not-ready',
          `"${cut.instance}" has not listed its tools yet, so MCP Tray cannot keep the others. Start it first.`,
        );
      }
      services.set(
        cut.instance,
        from.filter((t) => !cut.tools!.includes(t)),
      );
    }
    await this.change((s) => ({
      ...s,
      profiles: s.profiles.map((p) =>
        p.name === profile.name
          ? { ...p, services: [...services].map(([instance, tools]) => ({ instance, tools })) }
          : p,
      ),
    }));
    return this.get(profile.name);
  }

  /** Gives a client a profile (by name; Everything clears the choice). */
  async assign(client: string, name: string): Promise<void> {
    const settings = this.deps.settings.read();
    const chosen = isEverything(name) ? null : findProfile(settings, name);
    if (!isEverything(name) && !chosen) throw this.noSuch(name);
    await this.change((s) => {
      const { profile: _old, ...rest } = s.clients[client] ?? {
        selected: [],
        applied: [],
        transport: 'stdio',
      };
      return {
        ...s,
        clients: { ...s.clients, [client]: chosen ? { ...rest, profile: chosen.name } : rest },
      };
    });
  }

  /** Applies a change, then tells exactly the sessions whose tools it changed. */
  private async change(mutate: (s: Settings) => Settings): Promise<void> {
    const before = this.deps.settings.read();
    const after = this.deps.settings.update(mutate);
    await this.deps.sessionsChanged(
      (id, selector) => choiceSignature(before, selector, id) !== choiceSignature(after, selector, id),
    );
    await this.deps.combinedChanged();
    this.deps.bus.emit('profilesChanged', { profiles: this.list() });
  }

  private info(settings: Settings, profile: Profile, clients: string[]): ProfileInfo {
    const names = new Map(settings.instances.map((c) => [c.id, c.name]));
    return {
      name: profile.name,
      builtIn: false,
      services: profile.services.map((s) => ({
        instance: s.instance,
        name: names.get(s.instance) ?? null,
        tools: s.tools,
      })),
      missing: missingInstances(settings, profile),
      clients,
    };
  }

  private stored(name: string): Profile {
    if (isEverything(name)) {
      throw new UserFacingError('invalid', `"${EVERYTHING}" always has every service and cannot be changed.`);
    }
    const profile = findProfile(this.deps.settings.read(), name);
    if (!profile) throw this.noSuch(name);
    return profile;
  }

  private checkFree(name: string): void {
    if (isEverything(name) || findProfile(this.deps.settings.read(), name)) {
      throw new UserFacingError('exists', `There is already a profile called "${name}".`);
    }
  }

  private noSuch(name: string): UserFacingError {
    return new UserFacingError('not-found', `There is no profile called "${name}".`);
  }
}

import type { EventName, EventPayload } from '../shared/contract';
import { events } from '../shared/contract';

type Listener<K extends EventName> = (payload: EventPayload<K>) => void;

/** Typed core → UI events. Payloads are validated against the contract when emitted. */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const checked = events[name].parse(payload);
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(checked);
  }

  /**
   * Emits a payload already validated against the contract where it was built (a tool-call
   * record): checking it again would only repeat the work on a busy path.
   */
  emitValidated<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(payload);
  }

  on<K extends EventName>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    const erased = listener as (payload: unknown) => void;
    set.add(erased);
    return () => set.delete(erased);
  }
}

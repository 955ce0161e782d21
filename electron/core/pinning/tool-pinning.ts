import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { PinFile, PinnedTool, PinStore } from './pin-store';
import { definitionHash, pinnedDefinition } from './tool-definition';

/** Where one version of a tool stands: approved, waiting for review, or rejected by the user. */
export type PinStatus = 'approved' | 'pending' | 'rejected';

export interface ToolPinningDeps {
  store: PinStore;
  clock: Clock;
  logger: Logger;
  /** The set of tools waiting for review on an instance changed (empty: nothing to review). */
  onReviewChanged: (id: string, pending: string[]) => void;
}

/**
 * Tool definitions pinned at approval. The first list a server gives is approved as it is
 * (adding a server, or the first start after upgrading to a version with pinning); after that
 * every list (start, restart, `list_changed`) is compared by hash, and a new or changed tool is
 * `pending` until the user approves or rejects that exact version. Approvals of tools that
 * disappear are kept, so a server that briefly lists nothing does not lose them.
 */
export class ToolPinning {
  private readonly pins = new Map<string, PinFile>();
  /** The last list each server gave (what the review and the broker's refusals look at). */
  private readonly lists = new Map<string, Tool[]>();
  private readonly pendingNames = new Map<string, string[]>();
  /** Hashes of listed tool objects: a call checks its tool's hash, which should cost nothing. */
  private readonly hashes = new WeakMap<Tool, string>();

  constructor(private readonly deps: ToolPinningDeps) {}

  /** A server listed its tools. Synchronous, so clients are only told after the pins are saved. */
  observe(id: string, tools: Tool[]): void {
    this.lists.set(id, tools);
    if (!this.pinsOf(id)) {
      const approved = Object.fromEntries(tools.map((tool) => [tool.name, this.pinned(tool)]));
      this.save(id, { version: 1, approved, rejected: {} });
      this.deps.logger.info('first tool list approved as shown', { id, tools: tools.length });
    }
    this.recompute(id);
  }

  /** The status of this exact version of a tool. */
  status(id: string, tool: Tool): PinStatus {
    const pins = this.pinsOf(id);
    const hash = this.hashOf(tool);
    if (pins?.approved[tool.name]?.hash === hash) return 'approved';
    if (pins?.rejected[tool.name]?.hash === hash) return 'rejected';
    return 'pending';
  }

  /**
   * The status of a tool a client calls by name, from the server's last list. `unlisted`: the
   * server does not list it, so no client learned it from us; the server answers such a call
   * itself (normally "unknown tool").
   */
  statusByName(id: string, name: string): PinStatus | 'unlisted' {
    const tool = this.lists.get(id)?.find((t) => t.name === name);
    return tool ? this.status(id, tool) : 'unlisted';
  }

  /** Whether the server listed its tools since MCP Tray started. */
  listed(id: string): boolean {
    return this.lists.has(id);
  }

  /** The server's last list (empty before it listed). */
  current(id: string): Tool[] {
    return this.lists.get(id) ?? [];
  }

  /** The approved version of a tool, if any. */
  approvedVersion(id: string, name: string): PinnedTool | undefined {
    return this.pinsOf(id)?.approved[name];
  }

  /** Names of the tools waiting for review now. */
  pending(id: string): string[] {
    return this.pendingNames.get(id) ?? [];
  }

  /** Approves these versions: clients see them from now on. */
  approve(id: string, tools: Tool[]): void {
    this.change(id, (pins) => {
      for (const tool of tools) {
        pins.approved[tool.name] = this.pinned(tool);
        delete pins.rejected[tool.name];
      }
    });
  }

  /** Rejects these versions: they stay hidden and are not asked about until they change again. */
  reject(id: string, tools: Tool[]): void {
    this.change(id, (pins) => {
      for (const tool of tools) {
        const { hash, at } = this.pinned(tool);
        pins.rejected[tool.name] = { hash, at };
      }
    });
  }

  /** The instance was removed: its pins go with it (a new one with its id starts fresh). */
  forget(id: string): void {
    this.deps.store.remove(id);
    this.pins.delete(id);
    this.lists.delete(id);
    if (this.pendingNames.get(id)?.length) this.deps.onReviewChanged(id, []);
    this.pendingNames.delete(id);
  }

  private change(id: string, edit: (pins: PinFile) => void): void {
    const pins = structuredClone(this.pinsOf(id) ?? { version: 1 as const, approved: {}, rejected: {} });
    edit(pins);
    this.save(id, pins);
    this.recompute(id);
  }

  private recompute(id: string): void {
    const next = this.current(id)
      .filter((tool) => this.status(id, tool) === 'pending')
      .map((tool) => tool.name);
    const before = this.pendingNames.get(id) ?? [];
    this.pendingNames.set(id, next);
    if (next.join('\n') !== before.join('\n')) this.deps.onReviewChanged(id, next);
  }

  private hashOf(tool: Tool): string {
    let hash = this.hashes.get(tool);
    if (hash === undefined) this.hashes.set(tool, (hash = definitionHash(pinnedDefinition(tool))));
    return hash;
  }

  private pinned(tool: Tool): PinnedTool {
    const definition = pinnedDefinition(tool);
    return {
      hash: definitionHash(definition),
      definition,
      at: new Date(this.deps.clock.now()).toISOString(),
    };
  }

  /** The instance's pins; a file that could not be read starts empty, so everything is reviewed. */
  private pinsOf(id: string): PinFile | null {
    const cached = this.pins.get(id);
    if (cached) return cached;
    const read = this.deps.store.read(id);
    if (read.kind === 'none') return null;
    const file = read.kind === 'ok' ? read.file : { version: 1 as const, approved: {}, rejected: {} };
    if (read.kind === 'corrupt') this.deps.store.write(id, file);
    this.pins.set(id, file);
    return file;
  }

  private save(id: string, pins: PinFile): void {
    this.deps.store.write(id, pins);
    this.pins.set(id, pins);
  }
}

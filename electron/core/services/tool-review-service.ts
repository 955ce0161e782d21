import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type {
  ToolDecision,
  ToolDefinitionText,
  ToolFieldDiff,
  ToolReview,
  ToolReviewItem,
} from '../../shared/contract';
import { ToolDecision as ToolDecisionSchema } from '../../shared/contract';
import { detectSteering } from '../pinning/steering-detector';
import type { PinnedDefinition } from '../pinning/tool-definition';
import { canonicalJson, definitionHash, pinnedDefinition } from '../pinning/tool-definition';
import type { ToolPinning } from '../pinning/tool-pinning';
import { wordDiff } from '../pinning/word-diff';
import { UserFacingError } from '../rpc/errors';
import type { InstanceConfig } from '../settings/settings-schema';

export interface ToolReviewServiceDeps {
  pinning: ToolPinning;
  config: (id: string) => InstanceConfig | undefined;
  /** Every configured instance's id (other tools' names feed the steering detector). */
  ids: () => string[];
  /** Clients may see other tools now: every session of the instance re-lists. */
  toolsChanged: (id: string) => Promise<void>;
  /** Tells every window the instance changed (its list shows "Tools changed: review"). */
  publish: () => void;
}

const FIELDS = ['name', 'title', 'description', 'inputSchema', 'annotations'] as const;

/** The review of tools that are new or changed since approval: list, approve, reject. */
export class ToolReviewService {
  constructor(private readonly deps: ToolReviewServiceDeps) {}

  /** Pending tools first, then rejected ones, each with its word diff and warnings. */
  review(id: string): ToolReview {
    const config = this.require(id);
    const { pinning } = this.deps;
    const tools = pinning.current(id);
    const others = this.deps.ids().flatMap((other) => pinning.current(other).map((t) => t.name));
    const items = tools
      .map((tool) => ({ tool, status: pinning.status(id, tool) }))
      .filter((entry) => entry.status !== 'approved')
      .map(({ tool, status }) => this.item(id, tool, status as 'pending' | 'rejected', others))
      .sort((a, b) => Number(a.status === 'rejected') - Number(b.status === 'rejected'));
    return {
      id,
      name: config.name,
      items,
      pending: items.filter((i) => i.status === 'pending').length,
      approved: tools.length - items.length,
      listed: pinning.listed(id),
    };
  }

  /** Approves the chosen versions; connected clients are told to list tools again. */
  async approve(input: ToolDecision): Promise<ToolReview> {
    const { id, tools } = this.choose(input);
    this.deps.pinning.approve(id, tools);
    await this.deps.toolsChanged(id);
    this.deps.publish();
    return this.review(id);
  }

  /** Rejects the chosen versions: they stay hidden and are not asked about until they change. */
  reject(input: ToolDecision): ToolReview {
    const { id, tools } = this.choose(input);
    this.deps.pinning.reject(id, tools);
    this.deps.publish();
    return this.review(id);
  }

  /** The instance was removed: its pins go too. */
  forget(id: string): void {
    this.deps.pinning.forget(id);
  }

  private choose(input: ToolDecision): { id: string; tools: Tool[] } {
    const { id, tools: picks, all } = ToolDecisionSchema.parse(input);
    const config = this.require(id);
    const { pinning } = this.deps;
    const current = pinning.current(id);
    if (all === picks.length > 0) {
      throw new UserFacingError('invalid-input', 'Choose either all waiting tools or tools by name.');
    }
    if (all) return { id, tools: current.filter((tool) => pinning.status(id, tool) === 'pending') };
    const chosen = picks.map(({ name, hash }) => {
      const tool = current.find((t) => t.name === name);
      if (!tool) {
        throw new UserFacingError(
          'not-found',
          `"${config.name}" does not offer a tool called "${name}" now.`,
        );
      }
      if (hash !== undefined && hash !== definitionHash(pinnedDefinition(tool))) {
        throw new UserFacingError(
          'changed',
          `The tool "${name}" changed again since this review was shown. Review it again.`,
        );
      }
      return tool;
    });
    return { id, tools: chosen };
  }

  private item(id: string, tool: Tool, status: 'pending' | 'rejected', others: string[]): ToolReviewItem {
    const definition = pinnedDefinition(tool);
    const approved = this.deps.pinning.approvedVersion(id, tool.name);
    const current = asText(definition);
    const before = approved ? asText(approved.definition) : null;
    const diff: ToolFieldDiff[] = FIELDS.filter((field) => (before?.[field] ?? null) !== current[field]).map(
      (field) => ({ field, parts: wordDiff(before?.[field] ?? '', current[field] ?? '') }),
    );
    return {
      name: tool.name,
      change: approved ? 'changed' : 'new',
      status,
      hash: definitionHash(definition),
      current,
      approved: before,
      approvedAt: approved?.at ?? null,
      diff,
      warnings: detectSteering(definition, others),
    };
  }

  private require(id: string): InstanceConfig {
    const config = this.deps.config(id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return config;
  }
}

/** A definition as the text the review shows and diffs (JSON canonical and indented). */
function asText(definition: PinnedDefinition): ToolDefinitionText {
  return {
    name: definition.name,
    title: definition.title ?? null,
    description: definition.description ?? null,
    inputSchema: canonicalJson(definition.inputSchema ?? {}, 2),
    annotations: definition.annotations === undefined ? null : canonicalJson(definition.annotations, 2),
  };
}

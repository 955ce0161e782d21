import * as z from 'zod';
import { InstanceId } from './instance-id';
import { lazily } from './lazy-schema';

/** Tool pinning: reviewing tools that are new or changed since the user approved them. */

/** Where one version of a tool stands. */
export const ToolPinStatus = lazily(() => z.enum(['approved', 'pending', 'rejected']));
export type ToolPinStatus = z.infer<typeof ToolPinStatus>;

/** The pinned parts of a tool as text: JSON parts are canonical (sorted keys) and indented. */
export const ToolDefinitionText = lazily(() =>
  z.object({
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    inputSchema: z.string(),
    annotations: z.string().nullable(),
  }),
);
export type ToolDefinitionText = z.infer<typeof ToolDefinitionText>;

export const ToolDiffPart = lazily(() =>
  z.object({
    op: z.enum(['same', 'added', 'removed']),
    text: z.string(),
  }),
);
export type ToolDiffPart = z.infer<typeof ToolDiffPart>;

/** A word diff of one part of a tool (only parts that changed are listed). */
export const ToolFieldDiff = lazily(() =>
  z.object({
    field: z.enum(['name', 'title', 'description', 'inputSchema', 'annotations']),
    parts: z.array(ToolDiffPart),
  }),
);
export type ToolFieldDiff = z.infer<typeof ToolFieldDiff>;

/** Text that may try to steer the AI model; a warning for the user, never a block. */
const SteeringWarning = lazily(() =>
  z.object({
    kind: z.enum(['instruction', 'hidden-unicode', 'encoded-blob', 'tool-reference', 'secret-reference']),
    /** Where: `description`, `inputSchema.properties.path.description`… */
    field: z.string(),
    message: z.string(),
    excerpt: z.string(),
  }),
);
type SteeringWarning = z.infer<typeof SteeringWarning>;

/** One tool waiting for review (`pending`) or held back because the user rejected this version. */
export const ToolReviewItem = lazily(() =>
  z.object({
    name: z.string(),
    /** `new`: no version of it was ever approved; `changed`: it differs from the approved one. */
    change: z.enum(['new', 'changed']),
    status: ToolPinStatus.exclude(['approved']),
    /** SHA-256 of this version's canonical definition; pass it back to approve exactly this. */
    hash: z.string(),
    current: ToolDefinitionText,
    approved: ToolDefinitionText.nullable(),
    /** When the approved version was approved (ISO). */
    approvedAt: z.string().nullable(),
    diff: z.array(ToolFieldDiff),
    warnings: z.array(SteeringWarning),
  }),
);
export type ToolReviewItem = z.infer<typeof ToolReviewItem>;

/** An instance's tool review: what waits, and how many tools clients see now. */
export const ToolReview = lazily(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    /** Tools waiting for a decision first, then rejected ones. */
    items: z.array(ToolReviewItem),
    pending: z.number().int().nonnegative(),
    /** Tools the server offers whose current version is approved. */
    approved: z.number().int().nonnegative(),
    /** False while the server has not listed its tools (not started yet, or failed). */
    listed: z.boolean(),
  }),
);
export type ToolReview = z.infer<typeof ToolReview>;

/** Tools to approve or reject: by name (optionally the exact version reviewed), or all pending. */
export const ToolDecision = lazily(() =>
  z
    .object({
      id: InstanceId,
      tools: z
        .array(
          z
            .object({
              name: z.string().min(1).max(200),
              hash: z
                .string()
                .regex(/^[0-9a-f]{64}$/)
                .optional(),
            })
            .strict(),
        )
        .max(1000)
        .default([]),
      all: z.boolean().default(false),
    })
    .strict(),
);
export type ToolDecision = z.input<typeof ToolDecision>;

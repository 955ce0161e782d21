import * as z from 'zod';

/** Input fields shared by the tools, with limits GitHub itself applies. */

/** GitHub user and organization names: letters, digits and single hyphens, at most 39. */
export const owner = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/,
    'owner must be a GitHub user or organization name, like "octocat"',
  )
  .describe('User or organization that owns the repository, e.g. "octocat".');

export const repo = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'repo must be a repository name without the owner, like "hello-world"')
  .describe('Repository name without the owner, e.g. "hello-world".');

export const issueNumber = z
  .number()
  .int()
  .positive('the number must be a positive whole number, like 42')
  .describe('Issue or pull request number, as shown after # on GitHub.');

export const cursor = z
  .string()
  .max(200)
  .optional()
  .describe('nextCursor from the previous call, to get the next page; omit for the first page.');

/** `per_page`, 1…`max`. */
export const perPage = (max: number, fallback: number) =>
  z.number().int().min(1).max(max).default(fallback).describe(`Results per page (1-${max}).`);

/** A git ref: branch, tag or commit SHA. */
export const gitRef = z
  .string()
  .min(1)
  .max(250)
  .optional()
  .describe("Branch, tag or commit SHA; omit for the repository's default branch.");

export const direction = z.enum(['asc', 'desc']).default('desc').describe('Sort direction.');

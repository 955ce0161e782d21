import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { UserInputError, runTool, toolResult } from '../../../shared/tool-result';
import { decodeFile, lineWindow } from '../file-content';
import { codeSearchText, directoryText } from '../format';
import type { GitHubApi, Schemas } from '../github-api';
import { cursor, gitRef, owner, perPage, repo } from '../inputs';
import type { FileContents } from '../outputs';
import { FileContentsOutput, SearchCodeOutput } from '../outputs';
import { codeMatch } from '../views';
import { READ_ONLY } from './annotations';

/** Entries of a folder listing returned; GitHub itself stops at 1,000. */
const MAX_ENTRIES = 1_000;

const nothing = {
  sha: null,
  size: null,
  url: null,
  content: 'none',
  text: null,
  firstLine: null,
  lastLine: null,
  totalLines: null,
  nextStartLine: null,
  entries: null,
  target: null,
} as const;

type Contents = Awaited<ReturnType<GitHubApi['getContents']>>;

/** The contents API's answer → what get_file_contents returns, and its text. */
function describeContents(contents: Contents, path: string, startLine: number): [FileContents, string] {
  if (Array.isArray(contents)) {
    const entries = contents
      .slice(0, MAX_ENTRIES)
      .map((e) => ({ name: e.name, path: e.path, type: e.type, size: e.size }));
    return [{ ...nothing, type: 'dir', path, entries }, directoryText(path, entries)];
  }
  const base = {
    ...nothing,
    path: contents.path,
    sha: contents.sha,
    size: contents.size,
    url: contents.html_url,
  };
  if (contents.type === 'symlink') {
    const link = contents as Schemas['content-symlink'];
    return [
      { ...base, type: 'symlink', target: link.target },
      `${link.path} is a symlink to ${link.target}.`,
    ];
  }
  if (contents.type === 'submodule') {
    const sub = contents as Schemas['content-submodule'];
    const text = `${sub.path} is a submodule: ${sub.submodule_git_url} at commit ${sub.sha}.`;
    return [{ ...base, type: 'submodule', target: sub.submodule_git_url }, text];
  }
  const file = contents as Schemas['content-file'];
  const decoded = decodeFile(file.encoding, file.content);
  const where = base.url ? ` See ${base.url}` : '';
  if (decoded.kind === 'binary') {
    const text = `${file.path} is a binary file of ${file.size} bytes; its contents are not shown.${where}`;
    return [{ ...base, type: 'file', content: 'binary' }, text];
  }
  if (decoded.kind === 'too-large') {
    const text = `${file.path} is ${file.size} bytes, too large for GitHub to send as text (over 1 MB).${where}`;
    return [{ ...base, type: 'file', content: 'too-large' }, text];
  }
  const window = lineWindow(decoded.text, startLine);
  if (startLine > window.totalLines) {
    throw new UserInputError(
      `start_line ${startLine} is past the end: ${file.path} has ${window.totalLines} lines.`,
    );
  }
  const range = `lines ${window.firstLine}-${window.lastLine} of ${window.totalLines}`;
  const next = window.nextStartLine ? `\n… more: call again with start_line ${window.nextStartLine}.` : '';
  return [
    { ...base, type: 'file', content: 'text', ...window },
    `${file.path} (${range}):\n${window.text}${next}`,
  ];
}

/** search_code, get_file_contents. */
export function registerCodeTools(server: McpServer, api: GitHubApi): void {
  server.registerTool(
    'search_code',
    {
      title: 'Search code',
      description:
        "Search files' contents on default branches with GitHub code search syntax, e.g. " +
        '"useState repo:facebook/react", "addClass language:javascript org:jquery" or "filename:package.json mcp". ' +
        'Returns paths with matching snippets; read a whole file with get_file_contents. GitHub allows about ' +
        'ten code searches a minute.',
      inputSchema: {
        query: z
          .string()
          .min(1)
          .max(256)
          .describe(
            'Search words and qualifiers (repo:owner/name, org:, user:, language:, path:, filename:, extension:).',
          ),
        per_page: perPage(100, 10),
        cursor,
      },
      outputSchema: SearchCodeOutput,
      annotations: READ_ONLY,
    },
    ({ query, per_page, cursor }) =>
      runTool(async () => {
        const { data, nextCursor } = await api.searchCode(query, cursor, per_page);
        const matches = data.items.map(codeMatch);
        const result = {
          totalCount: data.total_count,
          incompleteResults: data.incomplete_results,
          matches,
          nextCursor,
        };
        return toolResult(result, codeSearchText(data.total_count, matches, nextCursor));
      }),
  );

  server.registerTool(
    'get_file_contents',
    {
      title: 'Get file or folder',
      description:
        "A file's text (up to about 20,000 characters per call; start_line reads on) or a folder's " +
        'listing, at a branch, tag or commit. Binary and very large files are described, not shown.',
      inputSchema: {
        owner,
        repo,
        path: z
          .string()
          .max(1000)
          .default('')
          .describe('Path in the repository, e.g. "src/index.ts"; empty for the top folder.'),
        ref: gitRef,
        start_line: z.number().int().min(1).default(1).describe('First line to return, for long files.'),
      },
      outputSchema: FileContentsOutput,
      annotations: READ_ONLY,
    },
    ({ owner, repo, path, ref, start_line }) =>
      runTool(async () => {
        const clean = path.replace(/^\/+|\/+$/g, '');
        const contents = await api.getContents(owner, repo, clean, ref);
        const [result, text] = describeContents(contents, clean, start_line);
        return toolResult(result, text);
      }),
  );
}

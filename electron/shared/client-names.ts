/**
 * The names AI clients give themselves in MCP's `initialize` (`clientInfo.name`), and the names
 * people know them by. Lower-cased keys; found by looking at what each client really sends.
 */
const KNOWN: Record<string, string> = {
  'claude-ai': 'Claude Desktop',
  'claude desktop': 'Claude Desktop',
  'claude-desktop': 'Claude Desktop',
  'claude-code': 'Claude Code',
  'gemini-cli-mcp-client': 'Gemini CLI',
  'gemini-cli': 'Gemini CLI',
  'codex-mcp-client': 'Codex',
  codex: 'Codex',
  'cursor-vscode': 'Cursor',
  cursor: 'Cursor',
  // MCP Tray's own client id (profiles list the clients that use them by id).
  vscode: 'VS Code',
  'visual studio code': 'VS Code',
  'visual-studio-code': 'VS Code',
  'vscode-mcp-client': 'VS Code',
  windsurf: 'Windsurf',
  'windsurf-client': 'Windsurf',
  zed: 'Zed',
  'lm-studio': 'LM Studio',
  'lmstudio-mcp-client': 'LM Studio',
  'mcp-inspector': 'MCP Inspector',
  'inspector-client': 'MCP Inspector',
};

/** Name parts that say nothing to a person ("my-agent-mcp-client" is "My Agent"). */
const NOISE = /(?:[-_ ]mcp)?[-_ ]client$/i;

/**
 * What to call an AI client in the UI and the CLI: its well-known name ("Claude Desktop", not
 * `claude-ai`), else a slug made readable ("my-agent-mcp-client" → "My Agent"), else as given.
 * Display only: filters and the log keep the name the client sent.
 */
export function clientDisplayName(sent: string): string {
  const known = KNOWN[sent.trim().toLowerCase()];
  if (known) return known;
  if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)+$/.test(sent)) return sent;
  const words = sent.replace(NOISE, '').split(/[-_]/);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || sent;
}

import type { ClientAdapter, ClientId } from '../client-adapter';
import { claudeCodeAdapter } from './claude-code';
import { claudeDesktopAdapter } from './claude-desktop';
import { codexAdapter } from './codex';
import { cursorAdapter } from './cursor';
import { geminiCliAdapter } from './gemini-cli';
import { lmStudioAdapter } from './lm-studio';
import { vscodeAdapter } from './vscode';
import { windsurfAdapter } from './windsurf';
import { zedAdapter } from './zed';

export { CLAUDE_MSIX_PACKAGE, isClaudeMsixInstall } from './claude-desktop';

/** Every supported client, Claude Desktop first. */
export const clientAdapters: readonly ClientAdapter[] = [
  claudeDesktopAdapter,
  claudeCodeAdapter,
  cursorAdapter,
  vscodeAdapter,
  windsurfAdapter,
  geminiCliAdapter,
  lmStudioAdapter,
  zedAdapter,
  codexAdapter,
];

/** The adapter for a client id. */
export function clientAdapter(id: ClientId): ClientAdapter {
  const adapter = clientAdapters.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`Unknown client "${id}"`);
  return adapter;
}

export { claudeDesktopAdapter, codexAdapter, geminiCliAdapter, vscodeAdapter };

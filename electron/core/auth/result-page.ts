import type { ServerResponse } from 'node:http';

/** What the browser tab says once the provider sent the person back to us. */
type ResultKind = 'success' | 'denied' | 'error';

/** Text of a result page; plain text, escaped here. */
export interface ResultPage {
  kind: ResultKind;
  title: string;
  message: string;
}

/** For a callback that does not belong to the running sign-in (wrong or reused state). */
export const REFUSED_PAGE: ResultPage = {
  kind: 'error',
  title: 'This link is not part of a sign-in in progress',
  message:
    'MCP Tray ignored it. If you are signing in, finish in the tab MCP Tray opened, ' +
    'or start the sign-in again from MCP Tray.',
};

const ICON: Record<ResultKind, string> = { success: '✓', denied: '✕', error: '!' };
const COLOUR: Record<ResultKind, string> = { success: '#1a7f37', denied: '#9a6700', error: '#cf222e' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A self-contained page: inline CSS only, no scripts, no external assets. */
export function renderResultPage(page: ResultPage): string {
  const colour = COLOUR[page.kind];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} – MCP Tray</title>
<style>
  :root { color-scheme: light dark; --bg: #f6f8fa; --card: #ffffff; --text: #1f2328; --muted: #59636e; }
  @media (prefers-color-scheme: dark) {
    :root { --bg: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #9198a1; }
  }
  html, body { height: 100%; margin: 0; }
  body { display: flex; align-items: center; justify-content: center; background: var(--bg);
    color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 28rem; margin: 1.5rem; padding: 2.5rem 2rem; text-align: center; background: var(--card);
    border-radius: 16px; box-shadow: 0 8px 30px rgba(0, 0, 0, 0.12); }
  .icon { width: 4rem; height: 4rem; margin: 0 auto 1.25rem; border-radius: 50%; display: flex;
    align-items: center; justify-content: center; font-size: 2rem; font-weight: 700; color: #fff;
    background: ${colour}; }
  h1 { margin: 0 0 0.75rem; font-size: 1.4rem; }
  p { margin: 0 0 0.75rem; }
  .hint { color: var(--muted); font-size: 0.9rem; margin-top: 1.25rem; }
</style>
</head>
<body>
<main data-result="${page.kind}">
  <div class="icon" aria-hidden="true">${ICON[page.kind]}</div>
  <h1>${escapeHtml(page.title)}</h1>
  <p>${escapeHtml(page.message)}</p>
  <p class="hint">You can close this tab and return to MCP Tray.</p>
</main>
</body>
</html>
`;
}

/**
 * Sends a result page. The response must not be cached, must not pass the callback URL (which
 * holds the code) on as a referrer, and closes its connection so the listener can shut down.
 */
export function sendResultPage(
  response: ServerResponse,
  status: number,
  page: ResultPage,
  done?: () => void,
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'",
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  response.end(renderResultPage(page), done);
}

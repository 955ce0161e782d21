import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer. Unknown paths without an extension get `index.html` (client-side
 * routes); paths outside the root are refused.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  const decoded = decodeURIComponent(urlPath);
  const target = path.resolve(root, '.' + path.posix.normalize(decoded));
  if (target !== root && !target.startsWith(root + path.sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  let file = target;
  let stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory() || (!stat && !path.extname(decoded))) {
    file = path.join(root, 'index.html');
    stat = await fs.stat(file).catch(() => null);
  }
  if (!stat?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    'content-type': type,
    'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  res.end(await fs.readFile(file));
}

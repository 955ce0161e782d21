import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, resolveAppRequest } from './app-protocol';

const ROOT = path.resolve('/opt/mcp-tray/dist/renderer');

describe('resolveAppRequest', () => {
  it('maps our URLs to files of the renderer folder with their type', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, ROOT)).toEqual({
      file: path.join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://mcp-tray/', ROOT)?.file).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppRequest('app://mcp-tray/assets/index-abc.js?v=1#x', ROOT)).toEqual({
      file: path.join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://mcp-tray/assets/a%20b.css', ROOT)?.file).toBe(
      path.join(ROOT, 'assets', 'a b.css'),
    );
  });

  it('refuses anything outside the folder, other hosts and schemes, and unknown types', () => {
    // `..` and `%2e%2e` are resolved by the URL parser already, so they cannot climb above the root;
    // an encoded slash is not, and is refused below.
    for (const url of ['app://mcp-tray/../../index.html', 'app://mcp-tray/%2e%2e/index.html']) {
      expect(resolveAppRequest(url, ROOT)?.file).toBe(path.join(ROOT, 'index.html'));
    }
    for (const url of [
      'app://mcp-tray/assets/%2e%2e%2f%2e%2e%2fsecret.html',
      'app://mcp-tray/assets/..%5c..%5csecret.html',
      'app://mcp-tray/a%00.html',
      'app://mcp-tray/%E0%A4%A.html',
      'app://other/index.html',
      'app://user@mcp-tray/index.html',
      'file:///opt/mcp-tray/dist/renderer/index.html',
      'https://mcp-tray/index.html',
      'app://mcp-tray/assets/index.js.map',
      'app://mcp-tray/run.sh',
      'not a url',
    ]) {
      expect(resolveAppRequest(url, ROOT), url).toBeNull();
    }
  });
});

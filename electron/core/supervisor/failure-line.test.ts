import { describe, expect, it } from 'vitest';
import { failureLine } from './failure-line';

const lines = (text: string) => text.trim().split('\n');

describe('failureLine', () => {
  it('npm: the 404, not the pointer to the log', () => {
    const npm = lines(`
npm error code E404
npm error 404 Not Found - GET https://registry.npmjs.org/@acme%2fnotes-mcp - Not found
npm error 404
npm error 404  '@acme/notes-mcp@*' is not in this registry.
npm error 404
npm error 404 Note that you can also install from a
npm error 404 tarball, folder, http url, or git url.
npm error A complete log of this run can be found in: /home/ada/.npm/_logs/2026-12-06T10_00_00_000Z-debug-0.log`);
    expect(failureLine(npm)).toMatch(/E404|404 Not Found|is not in this registry/);
    expect(failureLine(npm)).not.toMatch(/complete log/);
  });

  it('Node: the thrown error and its code, not the version line', () => {
    const node = lines(`
node:internal/modules/esm/resolve:873
  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
        ^

Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /srv/notes/server.mjs
    at packageResolve (node:internal/modules/esm/resolve:873:9)
    at moduleResolve (node:internal/modules/esm/resolve:946:18) {
  code: 'ERR_MODULE_NOT_FOUND'
}

Node.js v22.12.0`);
    expect(failureLine(node)).toBe(
      "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /srv/notes/server.mjs",
    );
    const plain = lines(`
/srv/app/index.js:3
throw new Error('NOTION_TOKEN is not set');
^

Error: NOTION_TOKEN is not set
    at Object.<anonymous> (/srv/app/index.js:3:7)
    at Module._compile (node:internal/modules/cjs/loader:1554:14) {
  code: 'ENOTOKEN'
}

Node.js v22.12.0`);
    expect(failureLine(plain)).toBe('Error: NOTION_TOKEN is not set (ENOTOKEN)');
  });

  it('Python: the last line of the traceback', () => {
    const py = lines(`
Traceback (most recent call last):
  File "/home/ada/.cache/uv/archive/x/bin/mcp-server-git", line 10, in <module>
    sys.exit(main())
  File "/home/ada/.cache/uv/archive/x/lib/git/__init__.py", line 8, in main
    raise ValueError("--repository must be a git repository")
ValueError: --repository must be a git repository`);
    expect(failureLine(py)).toBe('ValueError: --repository must be a git repository');
  });

  it('a missing program and a missing image', () => {
    expect(failureLine(['sh: 1: notes-mcp: command not found'])).toBe('sh: 1: notes-mcp: command not found');
    const docker = lines(`
Unable to find image 'ghcr.io/acme/notes:1.2.3' locally
docker: Error response from daemon: manifest unknown.
See 'docker run --help'.`);
    expect(failureLine(docker)).toMatch(
      /docker: Error response from daemon: manifest unknown|Unable to find image/,
    );
    expect(failureLine(docker)).not.toMatch(/See 'docker run --help'/);
  });

  it('otherwise the last line that says something', () => {
    expect(failureLine(['starting', 'listening failed: port 8080 in use', '', 'Node.js v22.12.0'])).toBe(
      'listening failed: port 8080 in use',
    );
    expect(failureLine([])).toBeNull();
  });
});

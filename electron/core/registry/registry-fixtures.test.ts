import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixtureEntries } from '../../../test/core/registry/test-registry-server';

// ajv-formats is CommonJS: its function is the default export's default under ESM interop.
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** Entries that break the published schema on purpose: the client must skip or cut them. */
const DELIBERATELY_BROKEN = new Set([
  'not a valid name',
  'io.github.example/no-version',
  // The schema caps descriptions at 100 characters; this one is kept and cut for display.
  'io.github.example/verbose',
]);

describe('test registry fixtures', () => {
  const schema = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, 'fixtures/server.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  // `strict: false`: the published schema uses OpenAPI's `example`, which ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('is the published 2025-09-29 server.json schema', () => {
    expect(schema.$id).toBe('https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json');
  });

  for (const entry of fixtureEntries()) {
    const name = String(entry.server.name);
    const broken = DELIBERATELY_BROKEN.has(name);
    it(`${name} ${broken ? 'breaks' : 'follows'} the schema`, () => {
      const ok = validate(entry.server);
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(!broken);
    });
  }
});

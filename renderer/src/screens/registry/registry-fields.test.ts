import { describe, expect, it } from 'vitest';
import { makeRegistryField } from '../../test/registry-fixtures';
import { asCatalogField, toInstallValues } from './registry-fields';

const field = (overrides: Parameters<typeof makeRegistryField>[0]) =>
  makeRegistryField({ kind: 'positional', ...overrides });

describe('registry fields in the settings form', () => {
  it('shows a repeated argument as a list and sends its values one per line', () => {
    const fields = [field({ key: 'dir', repeated: true }), field({ key: 'units' })].map(asCatalogField);
    expect(fields.map((f) => f.multiple)).toEqual([true, false]);
    expect(toInstallValues(fields, { dir: '/a\n\n/b ', units: 'metric' })).toEqual({
      values: { dir: '/a\n/b', units: 'metric' },
      secrets: {},
    });
  });
});

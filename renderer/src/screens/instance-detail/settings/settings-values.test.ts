import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../../../../../electron/shared/contract';
import { initialValues } from '../../add/field-values';
import { hasChanges, settingsChanges, settingsErrors } from './settings-values';

const field = (overrides: Partial<CatalogField> & Pick<CatalogField, 'key'>): CatalogField => ({
  type: 'string',
  title: overrides.key,
  description: '',
  required: false,
  sensitive: false,
  multiple: false,
  default: null,
  min: null,
  max: null,
  ...overrides,
});

const FIELDS = [
  field({ key: 'token', title: 'Token', sensitive: true, required: true }),
  field({ key: 'folders', title: 'Folders', type: 'directory', multiple: true }),
  field({ key: 'label', title: 'Label' }),
  field({ key: 'limit', title: 'Limit', type: 'number', min: 1 }),
  field({ key: 'verbose', title: 'Verbose', type: 'boolean' }),
];

describe('a saved service’s settings as a form', () => {
  it('starts from the saved values as the user would type them, secrets empty', () => {
    expect(
      initialValues(FIELDS, { folders: ['${HOME}/Notes', '/srv'], limit: 5, verbose: true, token: 'x' }),
    ).toEqual({ token: '', folders: '~/Notes\n/srv', label: '', limit: '5', verbose: true });
  });

  it('sends only changed settings, converted as when adding, and typed secrets', () => {
    const before = initialValues(FIELDS, { folders: ['/a'], label: 'Work', limit: 5 });
    const after = { ...before, token: ' new ', folders: '~/b\n\n/c', limit: '7', verbose: true };
    expect(settingsChanges(FIELDS, before, after)).toEqual({
      userConfig: { folders: ['${HOME}/b', '/c'], limit: 7, verbose: true },
      secrets: { token: 'new' },
    });
    expect(hasChanges(settingsChanges(FIELDS, before, before))).toBe(false);
  });

  it('sends a cleared setting as empty (no default), since the core keeps what it is not sent', () => {
    const before = initialValues(FIELDS, { folders: ['/a'], label: 'Work' });
    const after = { ...before, folders: '', label: ' ' };
    expect(settingsChanges(FIELDS, before, after).userConfig).toEqual({ folders: [], label: '' });
  });

  it('lets a stored secret stay empty, but not a missing required one or a cleared number', () => {
    const before = initialValues(FIELDS, { limit: 5 });
    expect(settingsErrors(FIELDS, before, before, ['token'])).toEqual({});
    const errors = settingsErrors(FIELDS, { ...before, limit: '' }, before, []);
    expect(errors.token).toMatch(/^Enter Token\./);
    expect(errors.limit).toBe('Enter a number for Limit; a saved one cannot be left empty.');
    expect(settingsErrors(FIELDS, { ...before, limit: '0' }, before, ['token']).limit).toBe(
      'Limit must be 1 or more.',
    );
  });
});

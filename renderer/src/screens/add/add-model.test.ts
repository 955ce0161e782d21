import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../../../../electron/shared/contract';
import type { CustomDraft, EnvRow } from './custom-model';
import {
  commandError,
  customLaunch,
  envErrors,
  idError,
  splitCommand,
  suggestEnvName,
  suggestId,
  toCustomRequest,
} from './custom-model';
import { fieldError, initialValues, previewArgs, toRequest } from './field-values';

const field = (overrides: Partial<CatalogField>): CatalogField => ({
  key: 'x',
  type: 'string',
  title: 'X',
  description: '',
  required: false,
  sensitive: false,
  multiple: false,
  default: null,
  min: null,
  max: null,
  ...overrides,
});

describe('catalog fields', () => {
  const fields = [
    field({ key: 'token', title: 'Token', sensitive: true, required: true, default: 'never shown' }),
    field({ key: 'port', type: 'number', title: 'Port', min: 1024, default: 8080 }),
    field({ key: 'dirs', type: 'directory', title: 'Folders', multiple: true, default: ['${HOME}/a', '/b'] }),
    field({ key: 'debug', type: 'boolean', title: 'Debug', default: true }),
    field({ key: 'label', title: 'Label' }),
  ];

  it('starts from the defaults (the home folder as “~”), but never puts one into a secret field', () => {
    expect(initialValues(fields)).toEqual({
      token: '',
      port: '8080',
      dirs: '~/a\n/b',
      debug: true,
      label: '',
    });
  });

  it('explains each problem', () => {
    expect(fieldError(fields[0]!, '')).toBe(
      'Enter Token. It is needed to connect and goes to your keychain.',
    );
    expect(fieldError(fields[1]!, 'ten')).toBe('Port must be a number, like 10.');
    expect(fieldError(fields[1]!, '80')).toBe('Port must be 1024 or more.');
    expect(fieldError(field({ type: 'number', title: 'N', max: 5 }), '6')).toBe('N must be 5 or less.');
    expect(
      fieldError(field({ multiple: true, type: 'directory', required: true, title: 'Folders' }), ' '),
    ).toBe('Enter at least one folder for Folders.');
    expect(fieldError(fields[4]!, '')).toBeNull();
  });

  it('sends secrets apart, typed values, lists, and leaves empty optional values to the defaults', () => {
    expect(
      toRequest(fields, { token: ' t0k ', port: '9000', dirs: 'a\n\n ~/b \n~x', debug: false, label: '' }),
    ).toEqual({
      userConfig: { port: 9000, dirs: ['a', '${HOME}/b', '~x'], debug: false },
      secrets: { token: 't0k' },
    });
  });

  it('previews arguments as the core will substitute them', () => {
    const values = { token: 'secret', port: '', dirs: 'one\ntwo', debug: true, label: 'x y' };
    expect(
      previewArgs(
        [
          '--port=${user_config.port}',
          '${user_config.dirs}',
          '--label',
          '${user_config.label}',
          '${user_config.token}',
        ],
        fields,
        values,
      ),
    ).toEqual(['--port=8080', 'one', 'two', '--label', 'x y', '${user_config.token}']);
  });
});

const row = (name: string, value = 'v', secret = false, key = Math.random()): EnvRow => ({
  key,
  name,
  value,
  secret,
  secretChosen: false,
});

describe('custom server model', () => {
  it('derives a free, valid ID from the name, and suggests one when the ID is wrong', () => {
    const taken = new Set(['notes', 'notes-2']);
    expect(suggestId('My Notes!', taken)).toBe('my-notes');
    expect(suggestId('Notes', taken)).toBe('notes-3');
    expect(suggestId('***', taken)).toBe('my-server');
    expect(idError('', 'My Notes', taken)).toContain('For example “my-notes”');
    expect(idError('My_Notes', 'x', taken)).toContain('Try “my-notes”');
    expect(idError('notes', 'Notes', taken)).toBe(
      'There is already a service with the ID “notes”. Try “notes-3”.',
    );
    expect(idError('notes-9', 'Notes', taken)).toBeNull();
  });

  it('spots arguments typed into the command and offers to move them', () => {
    expect(commandError('')).toBe('Enter the program to run, such as npx, uvx or node.');
    expect(splitCommand('npx -y @scope/server')).toEqual({ command: 'npx', args: ['-y', '@scope/server'] });
    expect(commandError('npx -y @scope/server')).toBe(
      'Put only “npx” here and “-y @scope/server” under Arguments, one per line.',
    );
    // A path with a space is a path, not a command with arguments.
    expect(commandError('/Applications/My Server/run')).toBeNull();
  });

  it('checks variable names, duplicates and empty secrets; ignores empty rows', () => {
    const rows = [
      row('API_KEY', '', true, 1),
      row('1bad-name', 'v', false, 2),
      row('MODE', 'a', false, 3),
      row('MODE', 'b', false, 4),
      row('', '', false, 5),
    ];
    expect(envErrors(rows)).toEqual({
      1: { value: 'Enter the value of API_KEY; it goes to your keychain.' },
      2: {
        name: '“1bad-name” is not a valid name: use letters, digits and underscores, not starting with a digit (for example _1BAD_NAME).',
      },
      4: { name: 'MODE is set twice; keep one of them.' },
    });
    expect(suggestEnvName('my-key')).toBe('MY_KEY');
  });

  it('turns the draft into the request and the confirmation (names only)', () => {
    const draft: CustomDraft = {
      name: ' Everything ',
      id: 'everything',
      idChosen: false,
      command: ' node ',
      args: '/srv/index.js\n\nstdio\n',
      env: [row('MODE', 'fast'), row('TOKEN', 's3cret', true), row('', '')],
    };
    expect(toCustomRequest(draft)).toEqual({
      id: 'everything',
      name: 'Everything',
      command: 'node',
      args: ['/srv/index.js', 'stdio'],
      env: { MODE: 'fast' },
      secretEnv: { TOKEN: 's3cret' },
    });
    expect(customLaunch(draft)).toEqual({
      command: 'node',
      args: ['/srv/index.js', 'stdio'],
      envNames: ['MODE', 'TOKEN'],
      secretEnvNames: ['TOKEN'],
    });
  });
});

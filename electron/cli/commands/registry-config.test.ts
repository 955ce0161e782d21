import { describe, expect, it } from 'vitest';
import type { RegistryField } from '../../shared/registry-contract';
import { pairs, settings } from './registry-commands';

const field = (key: string, repeated: boolean): RegistryField => ({
  key,
  kind: 'named',
  label: `--${key}`,
  description: '',
  required: false,
  secret: false,
  default: null,
  choices: [],
  format: 'string',
  placeholder: null,
  repeated,
});

describe('add --registry --config', () => {
  const fields = [field('dir', true), field('units', false)];

  it('gives a repeated argument one value per --config, in order', () => {
    const given = pairs(['dir=/a', 'units=metric', 'dir=/b']);
    expect(settings(fields, given)).toEqual({ dir: '/a\n/b', units: 'metric' });
  });

  it('refuses a second value for an argument that takes one, in words', () => {
    expect(() => settings(fields, pairs(['units=metric', 'units=imperial']))).toThrow(
      /"units" takes one value: give --config units=… once/,
    );
  });
});

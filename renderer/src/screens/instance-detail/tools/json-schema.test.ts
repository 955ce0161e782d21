import { describe, expect, it } from 'vitest';
import { buildArguments, initialValues, parseArgumentsJson } from './form-values';
import { schemaFields, typeLabel } from './json-schema';

const schema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'How many.' },
    query: { type: 'string', description: 'What to look for.', minLength: 1 },
    sort: { type: 'string', enum: ['newest', 'oldest'], default: 'newest' },
    include_archived: { type: 'boolean' },
    labels: { type: 'array', items: { type: 'string' }, maxItems: 10 },
    owner: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    ratio: { type: 'number', exclusiveMinimum: 0 },
    confirm: { type: 'boolean' },
  },
  required: ['query', 'confirm'],
};

describe('reading an input schema', () => {
  it('lists every argument with its type in words, required ones first', () => {
    const fields = schemaFields(schema);
    expect(fields.map((f) => [f.name, f.type, f.required, f.input])).toEqual([
      ['query', 'string', true, 'text'],
      ['confirm', 'boolean', true, 'boolean'],
      ['limit', 'integer', false, 'integer'],
      ['sort', 'one of the values', false, 'select'],
      ['include_archived', 'boolean', false, 'boolean'],
      ['labels', 'list of string', false, 'json'],
      ['owner', 'string or null', false, 'text'],
      ['ratio', 'number', false, 'number'],
    ]);
    const limit = fields.find((f) => f.name === 'limit')!;
    expect(limit).toMatchObject({ description: 'How many.', hasDefault: true, defaultValue: 20 });
    expect(limit.constraints).toEqual(['1 to 100']);
    expect(fields.find((f) => f.name === 'query')!.constraints).toEqual(['at least 1 character']);
    expect(fields.find((f) => f.name === 'labels')!.constraints).toEqual(['at most 10 items']);
    expect(fields.find((f) => f.name === 'ratio')!.constraints).toEqual(['more than 0']);
    expect(fields.find((f) => f.name === 'sort')!.enumValues).toEqual(['newest', 'oldest']);
  });

  it('copes with schemas that say little or are not objects', () => {
    expect(schemaFields({ type: 'object' })).toEqual([]);
    expect(schemaFields(null)).toEqual([]);
    expect(typeLabel({ type: ['integer', 'null'] })).toBe('integer or null');
    expect(typeLabel({ $ref: '#/$defs/Issue' })).toBe('Issue');
    expect(typeLabel({})).toBe('any value');
    expect(typeLabel({ type: 'array' })).toBe('list');
  });
});

describe('the try-it form values', () => {
  const fields = schemaFields(schema);

  it('start from the defaults; a required checkbox starts as false', () => {
    expect(initialValues(fields)).toMatchObject({ limit: '20', sort: '0', query: '', confirm: 'false' });
  });

  it('become typed arguments, leaving out what was not set', () => {
    const values = {
      ...initialValues(fields),
      query: 'bugs',
      labels: '["a", "b"]',
      include_archived: 'true',
    };
    expect(buildArguments(fields, values)).toEqual({
      ok: true,
      args: {
        query: 'bugs',
        confirm: false,
        limit: 20,
        sort: 'newest',
        include_archived: true,
        labels: ['a', 'b'],
      },
    });
  });

  it('say which field is wrong and why', () => {
    const base = initialValues(fields);
    expect(buildArguments(fields, base)).toEqual({
      ok: false,
      field: 'query',
      message: 'query is required.',
    });
    expect(buildArguments(fields, { ...base, query: 'x', limit: '2.5' })).toMatchObject({
      field: 'limit',
      message: 'limit must be a whole number.',
    });
    expect(buildArguments(fields, { ...base, query: 'x', ratio: 'abc' })).toMatchObject({
      field: 'ratio',
      message: 'ratio must be a number.',
    });
    expect(buildArguments(fields, { ...base, query: 'x', labels: '[oops' })).toMatchObject({
      field: 'labels',
    });
  });

  it('accept a JSON object in the JSON editor, and nothing else', () => {
    expect(parseArgumentsJson('{"a": 1}')).toEqual({ ok: true, args: { a: 1 } });
    expect(parseArgumentsJson('  ')).toEqual({ ok: true, args: {} });
    expect(parseArgumentsJson('[1]')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/JSON object/),
    });
    expect(parseArgumentsJson('{')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { spliceId } from './splice-id';

describe('spliceId', () => {
  it('replaces the id of the TypeScript SDK’s layout (id last), keeping the rest byte for byte', () => {
    const line = '{"result":{"n":1.0,"s":"caf\\u00e9"},"jsonrpc":"2.0","id":-5}';
    expect(spliceId(line, -5, 3)).toBe('{"result":{"n":1.0,"s":"caf\\u00e9"},"jsonrpc":"2.0","id":3}');
    expect(spliceId(line, -5, 'a"b')).toBe(
      '{"result":{"n":1.0,"s":"caf\\u00e9"},"jsonrpc":"2.0","id":"a\\"b"}',
    );
  });

  it('replaces the id of the Python SDK’s layout (after jsonrpc) and of an id-first line', () => {
    expect(spliceId('{"jsonrpc":"2.0","id":-12,"result":{}}', -12, 'x')).toBe(
      '{"jsonrpc":"2.0","id":"x","result":{}}',
    );
    expect(spliceId('{"id":-12,"jsonrpc":"2.0","error":{"code":1,"message":"m"}}', -12, 4)).toBe(
      '{"id":4,"jsonrpc":"2.0","error":{"code":1,"message":"m"}}',
    );
    expect(spliceId('{"jsonrpc":"2.0","id":"abc","result":{}}', 'abc', -1)).toBe(
      '{"jsonrpc":"2.0","id":-1,"result":{}}',
    );
  });

  it('declines layouts it cannot prove: spaces, the id in the middle, another id’s digits', () => {
    expect(spliceId('{"result":{},"jsonrpc":"2.0","id":-5 }', -5, 1)).toBeNull();
    expect(spliceId('{ "id":-5,"result":{}}', -5, 1)).toBeNull();
    expect(spliceId('{"result":{},"id":-5,"jsonrpc":"2.0"}', -5, 1)).toBeNull();
    expect(spliceId('{"result":{},"jsonrpc":"2.0","id":-55}', -5, 1)).toBeNull();
    expect(spliceId('{"id":-55,"result":{}}', -5, 1)).toBeNull();
  });

  it('never takes an "id" inside a string or a nested object for the message’s own', () => {
    // The server's own id member is elsewhere (and differs): nothing may be replaced.
    expect(spliceId('{"result":{"text":"x\\",\\"id\\":-5}"},"jsonrpc":"2.0","id":-6}', -5, 1)).toBeNull();
    expect(spliceId('{"result":{"inner":{"id":-5}},"jsonrpc":"2.0","id":-6}', -5, 1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './scrub-secrets';

describe('scrubSecrets', () => {
  it('removes known secret values anywhere, even ones no pattern would catch', () => {
    const call = {
      arguments: { note: 'pw is SuperSecretValue123!' },
      result: { content: [{ text: 'SuperSecretValue123' }] },
    };
    expect(scrubSecrets(call, ['SuperSecretValue123', 'ab'])).toEqual({
      arguments: { note: 'pw is [redacted]!' },
      result: { content: [{ text: '[redacted]' }] },
    });
    expect(scrubSecrets('ab cd', ['ab'])).toBe('ab cd');
  });
});

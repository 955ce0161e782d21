import { describe, expect, it } from 'vitest';
import { formatCommandLine, formatCpu, formatMegabytes, plural } from './format';

describe('format', () => {
  it('quotes only the arguments a shell would split', () => {
    expect(formatCommandLine('npx', ['-y', '@scope/server@1.2', '--dir=/tmp/x'])).toBe(
      'npx -y @scope/server@1.2 --dir=/tmp/x',
    );
    expect(formatCommandLine('/Applications/My App/run', ['a b', "it's", ''])).toBe(
      `'/Applications/My App/run' 'a b' 'it'\\''s' ''`,
    );
  });

  it('formats memory in MB and CPU in percent', () => {
    expect(formatMegabytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatMegabytes(123.6 * 1024 * 1024)).toBe('124 MB');
    expect(formatMegabytes(2048 * 1024 * 1024)).toBe('2,048 MB');
    expect(formatCpu(0.25)).toBe('0.3%');
    expect(formatCpu(42.4)).toBe('42%');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'line')).toBe('1 line');
    expect(plural(3, 'line')).toBe('3 lines');
  });
});

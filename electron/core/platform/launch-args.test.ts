import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launch-args';

describe('parseLaunchArgs', () => {
  it('reads the data folder, --hidden and an install link', () => {
    expect(parseLaunchArgs(['/opt/mcp-tray/mcp-tray', '--hidden', '--data-dir', '/d'])).toEqual({
      dataDir: '/d',
      hidden: true,
      deepLink: null,
    });
    expect(
      parseLaunchArgs(['C:\\MCP Tray.exe', '--data-dir=D:\\x', 'mcp-tray://install?integration=github']),
    ).toEqual({ dataDir: 'D:\\x', hidden: false, deepLink: 'mcp-tray://install?integration=github' });
  });

  it("ignores Chromium's switches and a dangling --data-dir", () => {
    expect(parseLaunchArgs(['electron', '.', '--no-sandbox', '--data-dir'])).toEqual({
      dataDir: undefined,
      hidden: false,
      deepLink: null,
    });
  });
});

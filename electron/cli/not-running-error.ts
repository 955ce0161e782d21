/** No core is running for this data folder (exit code 3). */
export class NotRunningError extends Error {
  constructor(dataDir: string) {
    super(
      `MCP Tray is not running for ${dataDir}. Start it with "mcp-tray serve" (or open the app), ` +
        'then try again.',
    );
    this.name = 'NotRunningError';
  }
}

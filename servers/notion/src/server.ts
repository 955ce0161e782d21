import { log, requireEnv, runStdio } from '../../shared/run-server';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from './create-server';

const secret = requireEnv('NOTION_TOKEN', 'the Notion internal integration secret');
const apiUrl = process.env.NOTION_API_URL || 'https://api.notion.com';

const server = createServer({ apiUrl, token: (mcp) => new ChannelTokenSource(mcp, secret) });
runStdio(server).then(
  () => log('Notion server ready', { apiUrl }),
  (error: unknown) => {
    log('Notion server failed to start', { error: String(error) });
    process.exit(1);
  },
);

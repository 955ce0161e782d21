import { requireEnv, runStdio } from '../../shared/run-server';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from './create-server';

// Entry point: MCP Tray starts this with the signed-in account's token and the API address.
const token = requireEnv('GITHUB_TOKEN', 'the GitHub access token');
const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';

await runStdio(createServer({ apiUrl, token: (server) => new ChannelTokenSource(server, token) }));

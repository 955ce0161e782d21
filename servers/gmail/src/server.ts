import { log, requireEnv, runStdio } from '../../shared/run-server';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from './create-server';
import { GMAIL_API_URL } from './gmail-api';

const token = requireEnv('GOOGLE_ACCESS_TOKEN', 'the Google access token from signing in');
const apiUrl = process.env.GMAIL_API_URL || GMAIL_API_URL;

const server = createServer({ apiUrl, token: (s) => new ChannelTokenSource(s, token) });
runStdio(server).catch((error: unknown) => {
  log('Gmail server failed', { error: String(error) });
  process.exit(1);
});

import { log, requireEnv, runStdio } from '../../shared/run-server';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from './create-server';

const token = requireEnv('GOOGLE_ACCESS_TOKEN', 'the Google access token from signing in');
const apiUrl = process.env.GOOGLE_CALENDAR_API_URL || 'https://www.googleapis.com/calendar/v3';

const server = createServer({ apiUrl, token: (s) => new ChannelTokenSource(s, token) });
await runStdio(server);
log('Google Calendar server ready', { apiUrl });

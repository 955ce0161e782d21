import { describe, expect, it } from 'vitest';
import { BASE, setup } from './fake-calendar';
import { GOOD_TOKEN, errors, teamSync } from './fixtures/calendar';

/**
 * What every tool must do over HTTP, one row per tool: the route is the request that matters
 * (the one that reads or changes data); the zone is given so no calendars.get is mixed in.
 */
const TOOLS = [
  { tool: 'list_calendars', args: {}, route: `GET ${BASE}/users/me/calendarList` },
  {
    tool: 'list_events',
    args: { timeMin: '2025-03-14T00:00:00Z', timeZone: 'UTC' },
    route: `GET ${BASE}/calendars/primary/events`,
  },
  {
    tool: 'get_event',
    args: { eventId: teamSync.id, timeZone: 'UTC' },
    route: `GET ${BASE}/calendars/primary/events/${teamSync.id}`,
  },
  {
    tool: 'create_event',
    args: { summary: 'Call', start: '2025-03-20T15:00:00Z', timeZone: 'UTC' },
    route: `POST ${BASE}/calendars/primary/events`,
  },
  {
    tool: 'update_event',
    args: { eventId: teamSync.id, summary: 'Renamed', timeZone: 'UTC' },
    route: `PATCH ${BASE}/calendars/primary/events/${teamSync.id}`,
  },
  {
    tool: 'delete_event',
    args: { eventId: teamSync.id },
    route: `DELETE ${BASE}/calendars/primary/events/${teamSync.id}`,
  },
  {
    tool: 'find_free_busy',
    args: { timeMin: '2025-03-17T00:00:00Z', timeMax: '2025-03-18T00:00:00Z', timeZone: 'UTC' },
    route: `POST ${BASE}/freeBusy`,
  },
] as const;

describe.each(TOOLS)('$tool over HTTP', ({ tool, args, route }) => {
  it('on 401 asks MCP Tray for a fresh token once and retries with it', async () => {
    const { fake, call, text, refreshes } = await setup({ token: 'ya29.expired' });
    const result = await call(tool, args);
    expect(result.isError, text(result)).toBeFalsy();
    expect(refreshes()).toBe(1);
    expect(fake.received[0]!.headers.authorization).toBe('Bearer ya29.expired');
    expect(fake.requests(route).at(-1)!.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  });

  it('waits as long as Retry-After says on 429, then retries', async () => {
    const { fake, call, waits } = await setup();
    fake.failNext(route, { status: 429, headers: { 'retry-after': '3' }, body: errors.rateLimit });
    expect((await call(tool, args)).isError).toBeFalsy();
    expect(waits).toEqual([3000]);
    expect(fake.requests(route)).toHaveLength(2);
  });

  it("backs off exponentially on Google's 403 rate-limit reasons", async () => {
    const { fake, call, waits } = await setup();
    fake.failNext(route, { status: 403, body: errors.rateLimit });
    fake.failNext(route, { status: 403, body: errors.userRateLimit });
    expect((await call(tool, args)).isError).toBeFalsy();
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[0]).toBeLessThanOrEqual(1500);
    expect(waits[1]).toBeGreaterThanOrEqual(2000);
    expect(waits[1]).toBeLessThanOrEqual(3000);
    expect(fake.requests(route)).toHaveLength(3);
  });

  it('retries a 5xx after a backoff', async () => {
    const { fake, call, waits } = await setup();
    fake.failNext(route, { status: 500, body: errors.serverError });
    expect((await call(tool, args)).isError).toBeFalsy();
    expect(waits).toHaveLength(1);
    expect(fake.requests(route)).toHaveLength(2);
  });
});

describe('errors in words', () => {
  it('gives up on a persistent rate limit, saying when to try again', async () => {
    const { fake, call, text } = await setup();
    fake.failNext(`GET ${BASE}/users/me/calendarList`, { status: 403, body: errors.userRateLimit }, 4);
    const result = await call('list_calendars');
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Google Calendar is rate limiting requests; try again in \d+ s\.$/);
  });

  it('says "sign in again" when the fresh token is refused too', async () => {
    const { fake, call, text } = await setup();
    fake.failNext(`GET ${BASE}/users/me/calendarList`, { status: 401, body: errors.authError }, 2);
    const result = await call('list_calendars');
    expect(text(result)).toBe(
      'Google Calendar rejected the sign-in. Open MCP Tray and sign in to Google Calendar again.',
    );
  });

  it('keeps going after a 5xx storm only as long as the retry budget allows', async () => {
    const { fake, call, text } = await setup();
    fake.failNext(`POST ${BASE}/freeBusy`, { status: 503, body: errors.serverError }, 4);
    const result = await call('find_free_busy', {
      timeMin: '2025-03-17T00:00:00Z',
      timeMax: '2025-03-18T00:00:00Z',
      timeZone: 'UTC',
    });
    expect(text(result)).toBe('Google Calendar had a server error (503); try again later. (Backend Error)');
  });
});

/** Bad input: refused before anything is sent, with a message that says what to fix. */
const BAD_INPUT: Array<{ tool: string; args: Record<string, unknown>; says: string }> = [
  { tool: 'list_calendars', args: { maxResults: 500 }, says: 'maxResults' },
  { tool: 'list_calendars', args: { cursor: 'not-ours' }, says: 'start again without a cursor' },
  { tool: 'list_events', args: { timeMin: 'tomorrow' }, says: 'RFC 3339' },
  { tool: 'list_events', args: { timeMin: '2025-02-30' }, says: 'timeMin is not a real date: 2025-02-30' },
  { tool: 'list_events', args: { timeZone: 'Mars/Olympus' }, says: 'IANA time zone' },
  {
    tool: 'list_events',
    args: { timeMin: '2025-03-14T10:00:00Z', timeMax: '2025-03-14T09:00:00Z' },
    says: 'timeMax must be after timeMin',
  },
  { tool: 'get_event', args: {}, says: 'eventId' },
  { tool: 'create_event', args: { start: '2025-03-20' }, says: 'summary' },
  {
    tool: 'create_event',
    args: { summary: 'x', start: '2025-03-20', end: '2025-03-20T10:00:00Z' },
    says: 'start and end must both be dates',
  },
  {
    tool: 'create_event',
    args: { summary: 'x', start: '2025-03-20T10:00:00Z', end: '2025-03-20T09:00:00Z' },
    says: 'end must be after start',
  },
  {
    tool: 'create_event',
    args: { summary: 'x', start: '2025-03-20T10:00:00Z', attendees: ['bob'] },
    says: 'must be an email address',
  },
  { tool: 'update_event', args: { eventId: teamSync.id }, says: 'Nothing to change' },
  { tool: 'delete_event', args: { eventId: '' }, says: 'eventId' },
  { tool: 'delete_event', args: { eventId: teamSync.id, sendUpdates: 'everyone' }, says: 'sendUpdates' },
  { tool: 'find_free_busy', args: { timeMin: '2025-03-17' }, says: 'timeMax' },
  {
    tool: 'find_free_busy',
    args: { calendars: [], timeMin: '2025-03-17', timeMax: '2025-03-18' },
    says: 'calendars',
  },
  {
    tool: 'find_free_busy',
    args: { timeMin: '2025-03-17', timeMax: '2025-03-18', workdayStart: '9am' },
    says: 'must be a time like 09:00',
  },
  {
    tool: 'find_free_busy',
    args: { timeMin: '2025-03-17', timeMax: '2025-03-18', timeZone: 'UTC', workdayStart: '18:00' },
    says: 'workdayEnd must be after workdayStart',
  },
];

describe('bad input', () => {
  it.each(BAD_INPUT)('$tool $args → "$says"', async ({ tool, args, says }) => {
    const { fake, call, text } = await setup();
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(text(result)).toContain(says);
    expect(fake.received).toHaveLength(0);
  });

  it('every tool has a row', () => {
    expect(new Set(BAD_INPUT.map((row) => row.tool))).toEqual(new Set(TOOLS.map((row) => row.tool)));
  });
});

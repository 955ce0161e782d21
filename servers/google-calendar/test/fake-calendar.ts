import type { calendar_v3 } from '@googleapis/calendar';
import type { ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { connectTestClient, recordingSleep } from '../../shared/test/connect';
import { FakeApi } from '../../shared/test/fake-api';
import { ChannelTokenSource } from '../../shared/token-source';
import { createServer } from '../src/create-server';
import {
  GOOD_TOKEN,
  calendarListPage1,
  calendarListPage2,
  createdEventDefaults,
  errors,
  eventsPage1,
  eventsPage2,
  freeBusy,
  primaryCalendar,
  teamSync,
} from './fixtures/calendar';

/** Where the fake serves the API, as Google does: `https://www.googleapis.com/calendar/v3`. */
export const BASE = '/calendar/v3';

/**
 * The Calendar API endpoints the server uses, on a local `FakeApi`, answering with the fixtures
 * (paths and parameters from https://developers.google.com/workspace/calendar/api/v3/reference).
 */
export async function fakeCalendar(fake = new FakeApi()): Promise<FakeApi> {
  await fake.start();
  fake.on(`GET ${BASE}/users/me/calendarList`, (r) => ({
    body:
      r.query.get('pageToken') === calendarListPage1.nextPageToken ? calendarListPage2 : calendarListPage1,
  }));
  fake.on(`GET ${BASE}/calendars/:id`, (r) => ({
    body: { ...primaryCalendar, id: decodeURIComponent(r.path.split('/')[4]!) },
  }));
  fake.on(`GET ${BASE}/calendars/:id/events`, (r) => ({
    body: r.query.get('pageToken') === eventsPage1.nextPageToken ? eventsPage2 : eventsPage1,
  }));
  fake.on(`GET ${BASE}/calendars/:id/events/:eventId`, (r) =>
    r.path.endsWith(`/${teamSync.id}`) ? { body: teamSync } : { status: 404, body: errors.notFound },
  );
  fake.on(`POST ${BASE}/calendars/:id/events`, (r) => ({
    body: asGoogleReturns({ ...createdEventDefaults, ...(r.body as calendar_v3.Schema$Event) }),
  }));
  fake.on(`PATCH ${BASE}/calendars/:id/events/:eventId`, (r) => ({
    body: asGoogleReturns({ ...teamSync, ...(r.body as calendar_v3.Schema$Event) }),
  }));
  fake.on(`DELETE ${BASE}/calendars/:id/events/:eventId`, () => ({ status: 204 }));
  fake.on(`POST ${BASE}/freeBusy`, () => ({ body: freeBusy }));
  return fake;
}

/** Google answers every `dateTime` with an offset, also when it was sent as wall-clock time + `timeZone`. */
function asGoogleReturns(event: calendar_v3.Schema$Event): calendar_v3.Schema$Event {
  const fix = (t: calendar_v3.Schema$EventDateTime | undefined) => {
    if (!t?.dateTime || /(?:Z|[+-]\d\d:\d\d)$/i.test(t.dateTime)) return t;
    const name = new Intl.DateTimeFormat('en-US', {
      timeZone: t.timeZone ?? 'UTC',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(`${t.dateTime}Z`))
      .find((p) => p.type === 'timeZoneName')!.value;
    return { ...t, dateTime: `${t.dateTime}${name === 'GMT' ? '+00:00' : name.slice(3)}` };
  };
  return { ...event, start: fix(event.start), end: fix(event.end) };
}

/** What every request to Google must carry. */
export function expectAuthorized(headers: Record<string, unknown>): void {
  expect(headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  expect(headers.accept).toBe('application/json');
}

export const query = (q: URLSearchParams): Record<string, string> => Object.fromEntries(q);

export interface SetupOptions {
  /** The token the server starts with (default: the one the fake accepts). */
  token?: string;
  elicit?: (message: string) => ElicitResult;
}

/**
 * The server on the fake API, connected to a test client that answers the 401 channel with
 * `GOOD_TOKEN` (counting how often it is asked) and records the waits instead of sleeping.
 */
export async function setup(options: SetupOptions = {}) {
  const fake = await fakeCalendar();
  fake.tokens.add(GOOD_TOKEN);
  const { waits, sleep } = recordingSleep();
  let refreshes = 0;
  const server = createServer({
    apiUrl: `${fake.url}${BASE}`,
    token: (s) => new ChannelTokenSource(s, options.token ?? GOOD_TOKEN),
    sleep,
  });
  const tray = await connectTestClient(server, {
    refreshToken: () => (refreshes++, GOOD_TOKEN),
    ...(options.elicit ? { elicit: options.elicit } : {}),
  });
  return { fake, waits, refreshes: () => refreshes, ...tray };
}

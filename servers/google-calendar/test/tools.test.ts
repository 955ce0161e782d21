import { describe, expect, it } from 'vitest';
import { BASE, setup } from './fake-calendar';
import { GOOD_TOKEN, calendarListPage1, eventsPage1, teamSync } from './fixtures/calendar';

/** What every request to Google must carry. */
function expectAuthorized(headers: Record<string, unknown>) {
  expect(headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
  expect(headers.accept).toBe('application/json');
}

const query = (q: URLSearchParams) => Object.fromEntries(q);

describe('list_calendars', () => {
  it('lists calendars with ids, roles and zones, and pages with an opaque cursor', async () => {
    const { fake, call, text } = await setup();
    const first = await call('list_calendars', { minAccessRole: 'writer' });
    expect(first.isError).toBeFalsy();
    const [request] = fake.requests(`GET ${BASE}/users/me/calendarList`);
    expect(query(request!.query)).toEqual({ maxResults: '100', showHidden: 'false', minAccessRole: 'writer' });
    expectAuthorized(request!.headers);
    const out = first.structuredContent as { calendars: unknown[]; nextCursor: string };
    expect(out.calendars).toEqual([
      { id: 'ada@example.com', name: 'ada@example.com', accessRole: 'owner', primary: true, timeZone: 'Europe/Berlin' },
      {
        id: 'c_9f2b1f0e8d@group.calendar.google.com',
        name: 'Engineering team',
        accessRole: 'writer',
        primary: false,
        timeZone: 'Europe/London',
        description: 'Shared team calendar',
      },
    ]);
    expect(out.nextCursor).not.toContain(calendarListPage1.nextPageToken);
    expect(text(first)).toContain('- Engineering team (writer, Europe/London)  [id: c_9f2b1f0e8d@group.calendar.google.com]');
    expect(text(first)).toContain(`call again with cursor "${out.nextCursor}"`);

    const second = await call('list_calendars', { cursor: out.nextCursor });
    expect(fake.requests(`GET ${BASE}/users/me/calendarList`)[1]!.query.get('pageToken')).toBe(
      calendarListPage1.nextPageToken,
    );
    expect(second.structuredContent).toEqual({
      calendars: [
        {
          id: 'en.german#holiday@group.v.calendar.google.com',
          name: 'Holidays in Germany',
          accessRole: 'reader',
          primary: false,
          timeZone: 'Europe/Berlin',
        },
      ],
    });
  });
});

describe('list_events', () => {
  it('expands recurring events in start order, in the requested zone, with dates for all-day events', async () => {
    const { fake, call, text } = await setup();
    const result = await call('list_events', {
      timeMin: '2025-03-14',
      timeMax: '2025-03-14',
      query: 'sync',
      timeZone: 'America/New_York',
    });
    expect(result.isError).toBeFalsy();
    const requests = fake.requests(`GET ${BASE}/calendars/primary/events`);
    expect(requests).toHaveLength(1);
    // The whole day of the 14th in New York (EDT since 9 March): 04:00Z to 04:00Z.
    expect(query(requests[0]!.query)).toEqual({
      timeMin: '2025-03-14T04:00:00Z',
      timeMax: '2025-03-15T04:00:00Z',
      maxResults: '50',
      q: 'sync',
      timeZone: 'America/New_York',
      singleEvents: 'true',
      orderBy: 'startTime',
    });
    expectAuthorized(requests[0]!.headers);
    // The zone was given: no need to ask for the calendar's.
    expect(fake.received).toHaveLength(1);
    const out = result.structuredContent as { events: unknown[]; nextCursor: string; timeZone: string };
    expect(out.timeZone).toBe('America/New_York');
    expect(out.events).toEqual([
      {
        id: 'teamsync20250314',
        summary: 'Team sync',
        start: '2025-03-14T04:00:00-04:00',
        end: '2025-03-14T05:00:00-04:00',
        allDay: false,
        status: 'confirmed',
        location: 'Room 1',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        myResponse: 'accepted',
      },
      {
        id: 'conf2025berlin',
        summary: 'Conference',
        start: '2025-03-14',
        end: '2025-03-15',
        allDay: true,
        status: 'confirmed',
        location: 'Berlin',
      },
    ]);
    expect(text(result)).toContain(
      '2 event(s) matching "sync" in "ada@example.com" from 2025-03-14 00:00 to 2025-03-15 00:00 (America/New_York):',
    );
    expect(text(result)).toContain('- Fri 2025-03-14 04:00–05:00  Team sync  at Room 1  [id: teamsync20250314]');
    expect(text(result)).toContain('- Fri 2025-03-14 – Sat 2025-03-15 (all day)  Conference  at Berlin');

    const next = await call('list_events', { cursor: out.nextCursor, timeZone: 'America/New_York' });
    const again = fake.requests(`GET ${BASE}/calendars/primary/events`)[1]!;
    expect(again.query.get('pageToken')).toBe(eventsPage1.nextPageToken);
    // Google only honours a page token with the same range; the cursor carries it.
    expect(again.query.get('timeMin')).toBe('2025-03-14T04:00:00Z');
    expect(again.query.get('timeMax')).toBe('2025-03-15T04:00:00Z');
    const page2 = next.structuredContent as { events: Array<Record<string, unknown>>; nextCursor?: string };
    expect(page2.nextCursor).toBeUndefined();
    expect(page2.events[0]).toMatchObject({
      id: 'standup_20250314T153000Z',
      start: '2025-03-14T11:30:00-04:00',
      recurringEventId: 'standup',
      myResponse: 'declined',
    });
    expect(text(next)).toContain('Standup  (you: declined)');
  });

  it("reads local times in the calendar's own zone and shows times in it", async () => {
    const { fake, call } = await setup();
    const calendarId = 'c_9f2b1f0e8d@group.calendar.google.com';
    const result = await call('list_events', { calendarId, timeMin: '2025-03-14T09:00' });
    expect(result.isError).toBeFalsy();
    expect(fake.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${BASE}/calendars/c_9f2b1f0e8d%40group.calendar.google.com`,
      `GET ${BASE}/calendars/c_9f2b1f0e8d%40group.calendar.google.com/events`,
    ]);
    // 09:00 in Berlin (UTC+1 in March) for a week.
    expect(fake.received[1]!.query.get('timeMin')).toBe('2025-03-14T08:00:00Z');
    expect(fake.received[1]!.query.get('timeMax')).toBe('2025-03-21T08:00:00Z');
    expect(fake.received[1]!.query.has('timeZone')).toBe(false);
    const out = result.structuredContent as { timeZone: string; events: Array<{ start: string }> };
    expect(out.timeZone).toBe('Europe/Berlin');
    expect(out.events[0]!.start).toBe('2025-03-14T09:00:00+01:00');
  });
});

describe('get_event', () => {
  it('returns the event in full with guests, plain-text description and links', async () => {
    const { fake, call, text } = await setup();
    const calendarId = 'en.german#holiday@group.v.calendar.google.com';
    const result = await call('get_event', { calendarId, eventId: teamSync.id });
    expect(result.isError).toBeFalsy();
    const get = fake.received.find((r) => r.path.includes('/events/'))!;
    expect(get.method).toBe('GET');
    expect(get.path).toBe(`${BASE}/calendars/en.german%23holiday%40group.v.calendar.google.com/events/${teamSync.id}`);
    expectAuthorized(get.headers);
    const { event, timeZone } = result.structuredContent as { event: Record<string, unknown>; timeZone: string };
    expect(timeZone).toBe('Europe/Berlin');
    expect(event).toMatchObject({
      summary: 'Team sync',
      start: '2025-03-14T09:00:00+01:00',
      organizer: 'ada@example.com',
      htmlLink: teamSync.htmlLink,
      attendees: [
        { email: 'ada@example.com', response: 'accepted', organizer: true },
        { email: 'bob@example.com', name: 'Bob', response: 'tentative' },
        { email: 'carol@example.com', response: 'needsAction', optional: true },
      ],
    });
    expect(event.description).toContain('Roadmap');
    expect(event.description).not.toContain('<li>');
    expect(text(result)).toContain('When: Fri 2025-03-14 09:00–10:00 (Europe/Berlin)');
    expect(text(result)).toContain('Guests: ada@example.com (accepted), Bob <bob@example.com> (tentative)');
  });

  it("says so in words when the event doesn't exist", async () => {
    const { call, text } = await setup();
    const result = await call('get_event', { eventId: 'nosuchevent', timeZone: 'UTC' });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Google Calendar found nothing there (it does not exist, or this account cannot see it). (Not Found)',
    );
  });
});

describe('create_event', () => {
  it('creates a timed event from local times in the given zone, with guests', async () => {
    const { fake, call, text } = await setup();
    const result = await call('create_event', {
      summary: 'Lunch with Bob',
      start: '2025-03-20T12:30',
      end: '2025-03-20T13:30',
      timeZone: 'Europe/Berlin',
      location: 'Cafe',
      description: 'Talk about the roadmap',
      attendees: ['bob@example.com'],
      sendUpdates: 'all',
    });
    expect(result.isError).toBeFalsy();
    const [post] = fake.requests(`POST ${BASE}/calendars/primary/events`);
    expect(query(post!.query)).toEqual({ sendUpdates: 'all' });
    expect(post!.headers['content-type']).toBe('application/json');
    expectAuthorized(post!.headers);
    expect(post!.body).toEqual({
      summary: 'Lunch with Bob',
      start: { dateTime: '2025-03-20T12:30:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2025-03-20T13:30:00', timeZone: 'Europe/Berlin' },
      description: 'Talk about the roadmap',
      location: 'Cafe',
      attendees: [{ email: 'bob@example.com' }],
    });
    expect(result.structuredContent).toMatchObject({
      event: { id: 'n3wev3nt0123456789', start: '2025-03-20T12:30:00+01:00', end: '2025-03-20T13:30:00+01:00' },
    });
    expect(text(result)).toMatch(/^Created:\nLunch with Bob\nWhen: Thu 2025-03-20 12:30–13:30 \(Europe\/Berlin\)/);
  });

  it('creates all-day events with an inclusive last day, and timed ones an hour long by default', async () => {
    const { fake, call } = await setup();
    const allDay = await call('create_event', { summary: 'Offsite', start: '2025-03-24', end: '2025-03-25' });
    expect(allDay.isError).toBeFalsy();
    const posts = () => fake.requests(`POST ${BASE}/calendars/primary/events`);
    // Google's end date is exclusive: the 25th as last day is sent as the 26th.
    expect(posts()[0]!.body).toEqual({
      summary: 'Offsite',
      start: { date: '2025-03-24' },
      end: { date: '2025-03-26' },
    });
    expect(allDay.structuredContent).toMatchObject({ event: { start: '2025-03-24', end: '2025-03-25', allDay: true } });

    await call('create_event', { summary: 'Call', start: '2025-03-20T15:00:00Z' });
    expect(posts()[1]!.body).toEqual({
      summary: 'Call',
      start: { dateTime: '2025-03-20T15:00:00Z' },
      end: { dateTime: '2025-03-20T16:00:00Z' },
    });
    expect(posts()[1]!.query.get('sendUpdates')).toBe('none');
  });
});

describe('update_event', () => {
  it('sends only the fields given', async () => {
    const { fake, call, text } = await setup();
    const result = await call('update_event', { eventId: teamSync.id, summary: 'Team sync (moved)', location: '' });
    expect(result.isError).toBeFalsy();
    const [patch] = fake.requests(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`);
    expect(patch!.body).toEqual({ summary: 'Team sync (moved)', location: '' });
    expect(query(patch!.query)).toEqual({ sendUpdates: 'none' });
    expectAuthorized(patch!.headers);
    expect(text(result)).toContain('Updated:\nTeam sync (moved)');
  });

  it('turns a timed event into an all-day one by clearing dateTime, and moves times in a zone', async () => {
    const { fake, call } = await setup();
    const allDay = await call('update_event', { eventId: teamSync.id, start: '2025-03-21', end: '2025-03-21' });
    expect(allDay.isError).toBeFalsy();
    const patches = () => fake.requests(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`);
    expect(patches()[0]!.body).toEqual({
      start: { date: '2025-03-21', dateTime: null, timeZone: null },
      end: { date: '2025-03-22', dateTime: null, timeZone: null },
    });
    expect(allDay.structuredContent).toMatchObject({ event: { start: '2025-03-21', end: '2025-03-21', allDay: true } });

    const moved = await call('update_event', {
      eventId: teamSync.id,
      start: '2025-03-21T14:00',
      end: '2025-03-21T15:00',
      timeZone: 'Asia/Tokyo',
      attendees: ['bob@example.com', 'dan@example.com'],
      sendUpdates: 'externalOnly',
    });
    expect(moved.isError).toBeFalsy();
    expect(patches()[1]!.body).toEqual({
      start: { dateTime: '2025-03-21T14:00:00', date: null, timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2025-03-21T15:00:00', date: null, timeZone: 'Asia/Tokyo' },
      attendees: [{ email: 'bob@example.com' }, { email: 'dan@example.com' }],
    });
    expect(patches()[1]!.query.get('sendUpdates')).toBe('externalOnly');
    expect(moved.structuredContent).toMatchObject({ timeZone: 'Asia/Tokyo', event: { start: '2025-03-21T14:00:00+09:00' } });
  });

  it("reports Google's reason when it refuses the change", async () => {
    const { fake, call, text } = await setup();
    fake.failNext(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`, {
      status: 403,
      body: (await import('./fixtures/calendar')).errors.forbiddenForNonOrganizer,
    });
    const result = await call('update_event', { eventId: teamSync.id, summary: 'Mine now', timeZone: 'UTC' });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe(
      'Google Calendar refused access (the account may lack permission, or the sign-in lacks a scope). ' +
        '(Shared properties can only be changed by the organizer of the event.)',
    );
  });
});

describe('delete_event', () => {
  const route = `DELETE ${BASE}/calendars/primary/events/${teamSync.id}`;

  it('asks the user, naming the event and its time, then deletes it', async () => {
    const asked: string[] = [];
    const { fake, call, text } = await setup({
      elicit: (message) => (asked.push(message), { action: 'accept', content: { confirm: true } }),
    });
    const result = await call('delete_event', { eventId: teamSync.id, sendUpdates: 'all' });
    expect(result.isError).toBeFalsy();
    expect(asked).toEqual([
      'Delete "Team sync" (Fri 2025-03-14 09:00–10:00 Europe/Berlin) from Google Calendar? Guests will be emailed.',
    ]);
    const [request] = fake.requests(route);
    expect(query(request!.query)).toEqual({ sendUpdates: 'all' });
    expectAuthorized(request!.headers);
    expect(result.structuredContent).toEqual({
      calendarId: 'primary',
      eventId: teamSync.id,
      summary: 'Team sync',
      deleted: true,
    });
    expect(text(result)).toBe('Deleted "Team sync" (Fri 2025-03-14 09:00–10:00 Europe/Berlin).');
  });

  it('deletes nothing when the user declines', async () => {
    const { fake, call, text } = await setup({ elicit: () => ({ action: 'decline' }) });
    const result = await call('delete_event', { eventId: teamSync.id });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('cancelled by the user');
    expect(fake.requests(route)).toHaveLength(0);
  });

  it("relies on the client's own approval when it cannot ask", async () => {
    const { fake, call } = await setup();
    expect((await call('delete_event', { eventId: teamSync.id })).isError).toBeFalsy();
    expect(fake.requests(route)).toHaveLength(1);
  });
});

describe('find_free_busy', () => {
  it('returns busy blocks per calendar and common free slots inside working hours', async () => {
    const { fake, call, text } = await setup();
    const result = await call('find_free_busy', {
      calendars: ['primary', 'bob@example.com', 'nobody@example.com'],
      timeMin: '2025-03-17',
      timeMax: '2025-03-18',
      timeZone: 'Europe/Berlin',
      minSlotMinutes: 60,
    });
    expect(result.isError).toBeFalsy();
    const [post] = fake.requests(`POST ${BASE}/freeBusy`);
    expectAuthorized(post!.headers);
    expect(post!.body).toEqual({
      timeMin: '2025-03-16T23:00:00Z',
      timeMax: '2025-03-18T23:00:00Z',
      timeZone: 'Europe/Berlin',
      items: [{ id: 'primary' }, { id: 'bob@example.com' }, { id: 'nobody@example.com' }],
    });
    expect(result.structuredContent).toEqual({
      timeZone: 'Europe/Berlin',
      timeMin: '2025-03-17T00:00:00+01:00',
      timeMax: '2025-03-19T00:00:00+01:00',
      calendars: [
        // Overlapping blocks are merged.
        { id: 'primary', busy: [{ start: '2025-03-17T09:00:00+01:00', end: '2025-03-17T11:00:00+01:00' }] },
        {
          id: 'bob@example.com',
          busy: [
            { start: '2025-03-17T13:00:00+01:00', end: '2025-03-17T16:00:00+01:00' },
            { start: '2025-03-18T09:00:00+01:00', end: '2025-03-18T16:30:00+01:00' },
          ],
        },
        { id: 'nobody@example.com', busy: [], error: 'notFound' },
      ],
      // Tuesday 16:30–17:00 is free but shorter than an hour.
      freeSlots: [
        { start: '2025-03-17T11:00:00+01:00', end: '2025-03-17T13:00:00+01:00', minutes: 120 },
        { start: '2025-03-17T16:00:00+01:00', end: '2025-03-17T17:00:00+01:00', minutes: 60 },
      ],
    });
    expect(text(result)).toContain('nobody@example.com: unknown (notFound)');
    expect(text(result)).toContain('- 2025-03-17 11:00–13:00 (120 min)');
  });

  it("uses the primary calendar's zone by default and lists no slots unless asked", async () => {
    const { fake, call } = await setup();
    const result = await call('find_free_busy', { timeMin: '2025-03-17T08:00:00Z', timeMax: '2025-03-17T16:00:00Z' });
    expect(result.isError).toBeFalsy();
    expect(fake.received[0]!.path).toBe(`${BASE}/calendars/primary`);
    expect(fake.requests(`POST ${BASE}/freeBusy`)[0]!.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      items: [{ id: 'primary' }],
    });
    expect(result.structuredContent).not.toHaveProperty('freeSlots');
  });
});

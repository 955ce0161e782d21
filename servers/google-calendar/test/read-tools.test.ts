import { describe, expect, it } from 'vitest';
import { BASE, expectAuthorized, query, setup } from './fake-calendar';
import { calendarListPage1, eventsPage1, teamSync } from './fixtures/calendar';

describe('list_calendars', () => {
  it('lists calendars with ids, roles and zones, and pages with an opaque cursor', async () => {
    const { fake, call, text } = await setup();
    const first = await call('list_calendars', { minAccessRole: 'writer' });
    expect(first.isError).toBeFalsy();
    const [request] = fake.requests(`GET ${BASE}/users/me/calendarList`);
    expect(query(request!.query)).toEqual({
      maxResults: '100',
      showHidden: 'false',
      minAccessRole: 'writer',
    });
    expectAuthorized(request!.headers);
    const out = first.structuredContent as { calendars: unknown[]; nextCursor: string };
    expect(out.calendars).toEqual([
      {
        id: 'ada@example.com',
        name: 'ada@example.com',
        accessRole: 'owner',
        primary: true,
        timeZone: 'Europe/Berlin',
      },
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
    expect(text(first)).toContain(
      '- Engineering team (writer, Europe/London)  [id: c_9f2b1f0e8d@group.calendar.google.com]',
    );
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
    expect(text(result)).toContain(
      '- Fri 2025-03-14 04:00–05:00  Team sync  at Room 1  [id: teamsync20250314]',
    );
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
    expect(get.path).toBe(
      `${BASE}/calendars/en.german%23holiday%40group.v.calendar.google.com/events/${teamSync.id}`,
    );
    expectAuthorized(get.headers);
    const { event, timeZone } = result.structuredContent as {
      event: Record<string, unknown>;
      timeZone: string;
    };
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
    const result = await call('find_free_busy', {
      timeMin: '2025-03-17T08:00:00Z',
      timeMax: '2025-03-17T16:00:00Z',
    });
    expect(result.isError).toBeFalsy();
    expect(fake.received[0]!.path).toBe(`${BASE}/calendars/primary`);
    expect(fake.requests(`POST ${BASE}/freeBusy`)[0]!.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      items: [{ id: 'primary' }],
    });
    expect(result.structuredContent).not.toHaveProperty('freeSlots');
  });
});

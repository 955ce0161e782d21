import { describe, expect, it } from 'vitest';
import { BASE, expectAuthorized, query, setup } from './fake-calendar';
import { errors, teamSync } from './fixtures/calendar';

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
      event: {
        id: 'n3wev3nt0123456789',
        start: '2025-03-20T12:30:00+01:00',
        end: '2025-03-20T13:30:00+01:00',
      },
    });
    expect(text(result)).toMatch(
      /^Created:\nLunch with Bob\nWhen: Thu 2025-03-20 12:30–13:30 \(Europe\/Berlin\)/,
    );
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
    expect(allDay.structuredContent).toMatchObject({
      event: { start: '2025-03-24', end: '2025-03-25', allDay: true },
    });

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
    const result = await call('update_event', {
      eventId: teamSync.id,
      summary: 'Team sync (moved)',
      location: '',
    });
    expect(result.isError).toBeFalsy();
    const [patch] = fake.requests(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`);
    expect(patch!.body).toEqual({ summary: 'Team sync (moved)', location: '' });
    expect(query(patch!.query)).toEqual({ sendUpdates: 'none' });
    expectAuthorized(patch!.headers);
    expect(text(result)).toContain('Updated:\nTeam sync (moved)');
  });

  it('turns a timed event into an all-day one by clearing dateTime, and moves times in a zone', async () => {
    const { fake, call } = await setup();
    const allDay = await call('update_event', {
      eventId: teamSync.id,
      start: '2025-03-21',
      end: '2025-03-21',
    });
    expect(allDay.isError).toBeFalsy();
    const patches = () => fake.requests(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`);
    expect(patches()[0]!.body).toEqual({
      start: { date: '2025-03-21', dateTime: null, timeZone: null },
      end: { date: '2025-03-22', dateTime: null, timeZone: null },
    });
    expect(allDay.structuredContent).toMatchObject({
      event: { start: '2025-03-21', end: '2025-03-21', allDay: true },
    });

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
    expect(moved.structuredContent).toMatchObject({
      timeZone: 'Asia/Tokyo',
      event: { start: '2025-03-21T14:00:00+09:00' },
    });
  });

  it("reports Google's reason when it refuses the change", async () => {
    const { fake, call, text } = await setup();
    fake.failNext(`PATCH ${BASE}/calendars/primary/events/${teamSync.id}`, {
      status: 403,
      body: errors.forbiddenForNonOrganizer,
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

import type { calendar_v3 } from '@googleapis/calendar';
import { googleClientOptions } from '../../shared/google';
import { ApiClient } from '../../shared/http-client';
import type { TokenSource } from '../../shared/token-source';

export type Event = calendar_v3.Schema$Event;
export type Events = calendar_v3.Schema$Events;
export type EventDateTime = calendar_v3.Schema$EventDateTime;
export type CalendarList = calendar_v3.Schema$CalendarList;
export type CalendarListEntry = calendar_v3.Schema$CalendarListEntry;
type Calendar = calendar_v3.Schema$Calendar;
export type FreeBusyRequest = calendar_v3.Schema$FreeBusyRequest;
export type FreeBusyResponse = calendar_v3.Schema$FreeBusyResponse;

/** Who Google emails about a change (events.insert/patch/delete `sendUpdates`). */
export type SendUpdates = 'all' | 'externalOnly' | 'none';

export interface CalendarApiOptions {
  /** `https://www.googleapis.com/calendar/v3`, or a test server. */
  apiUrl: string;
  token: TokenSource;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

const path = (...segments: string[]): string => `/${segments.map(encodeURIComponent).join('/')}`;

/** The Calendar API v3 endpoints the tools use (https://developers.google.com/workspace/calendar/api/v3/reference). */
export class CalendarApi {
  private readonly http: ApiClient;
  private readonly zones = new Map<string, Promise<string>>();

  constructor(options: CalendarApiOptions) {
    this.http = new ApiClient({
      provider: 'Google Calendar',
      baseUrl: options.apiUrl,
      token: options.token,
      ...googleClientOptions(options.fetch),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
  }

  async listCalendars(query: {
    maxResults: number;
    pageToken?: string;
    showHidden: boolean;
    minAccessRole?: string;
  }): Promise<CalendarList> {
    return (await this.http.get<CalendarList>('/users/me/calendarList', { query })).data;
  }

  /** The calendar's own time zone (cached: it rarely changes and every rendering needs it). */
  calendarTimeZone(calendarId: string): Promise<string> {
    let zone = this.zones.get(calendarId);
    if (!zone) {
      zone = this.http
        .get<Calendar>(path('calendars', calendarId))
        .then((r) => r.data.timeZone ?? 'UTC')
        .catch((error: unknown) => {
          this.zones.delete(calendarId);
          throw error;
        });
      this.zones.set(calendarId, zone);
    }
    return zone;
  }

  async listEvents(
    calendarId: string,
    query: {
      timeMin: string;
      timeMax: string;
      q?: string;
      maxResults: number;
      pageToken?: string;
      timeZone?: string;
    },
  ): Promise<Events> {
    const full = { ...query, singleEvents: true, orderBy: 'startTime' };
    return (await this.http.get<Events>(path('calendars', calendarId, 'events'), { query: full })).data;
  }

  async getEvent(calendarId: string, eventId: string, timeZone?: string): Promise<Event> {
    const url = path('calendars', calendarId, 'events', eventId);
    return (await this.http.get<Event>(url, { query: { timeZone } })).data;
  }

  async insertEvent(calendarId: string, event: Event, sendUpdates: SendUpdates): Promise<Event> {
    const url = path('calendars', calendarId, 'events');
    return (await this.http.post<Event>(url, event, { query: { sendUpdates } })).data;
  }

  /** PATCH: only the fields present in `changes` change (`null` clears one). */
  async patchEvent(
    calendarId: string,
    eventId: string,
    changes: Record<string, unknown>,
    sendUpdates: SendUpdates,
  ): Promise<Event> {
    const url = path('calendars', calendarId, 'events', eventId);
    return (await this.http.request<Event>('PATCH', url, { body: changes, query: { sendUpdates } })).data;
  }

  async deleteEvent(calendarId: string, eventId: string, sendUpdates: SendUpdates): Promise<void> {
    const url = path('calendars', calendarId, 'events', eventId);
    await this.http.request<null>('DELETE', url, { query: { sendUpdates } });
  }

  async freeBusy(request: FreeBusyRequest): Promise<FreeBusyResponse> {
    return (await this.http.post<FreeBusyResponse>('/freeBusy', request)).data;
  }
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { UserInputError, runTool, toolResult } from '../../../shared/tool-result';
import type { CalendarApi } from '../calendar-api';
import type { Interval } from '../free-slots';
import { freeSlots, mergeIntervals } from '../free-slots';
import { timeInput, timeZoneInput } from '../schemas';
import { boundToMs, inZone, parseTime, rfc3339 } from '../time';

const MAX_SLOTS = 100;
const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const period = z.object({ start: z.string(), end: z.string() });

/** `find_free_busy`: busy blocks of several calendars, and the free slots they leave. */
export function registerFreeBusyTools(server: McpServer, api: CalendarApi): void {
  server.registerTool(
    'find_free_busy',
    {
      title: 'Find free and busy times',
      description:
        'Shows when each of several calendars (the user’s, or colleagues’ shared with them) is busy in a time ' +
        'range. With minSlotMinutes it also lists the free slots of at least that length when all of them are ' +
        'free, within the given working hours — for finding a meeting time.',
      inputSchema: {
        calendars: z
          .array(z.string().min(1).max(300))
          .min(1)
          .max(50)
          .default(['primary'])
          .describe('Calendar ids or people’s email addresses; "primary" is the user’s own calendar.'),
        timeMin: timeInput('Start of the range'),
        timeMax: timeInput('End of the range; a date means through the end of that day'),
        timeZone: timeZoneInput
          .optional()
          .describe(
            "IANA zone for dates, working hours and the times shown (default: the user's primary calendar's).",
          ),
        minSlotMinutes: z
          .number()
          .int()
          .min(5)
          .max(1440)
          .optional()
          .describe('Also list free slots at least this long when every calendar is free.'),
        workdayStart: z
          .string()
          .regex(HH_MM, { message: 'must be a time like 09:00' })
          .default('09:00')
          .describe('Working hours start (HH:MM) for free slots.'),
        workdayEnd: z
          .string()
          .regex(HH_MM, { message: 'must be a time like 17:30 (or 24:00)' })
          .default('17:00')
          .describe('Working hours end (HH:MM, 24:00 for midnight) for free slots.'),
        workingDays: z
          .array(z.enum(DAYS))
          .min(1)
          .max(7)
          .default(['mon', 'tue', 'wed', 'thu', 'fri'])
          .describe('Days free slots may fall on.'),
      },
      outputSchema: {
        timeZone: z.string().describe('IANA zone the times are shown in.'),
        timeMin: z.string(),
        timeMax: z.string(),
        calendars: z.array(
          z.object({
            id: z.string(),
            busy: z.array(period),
            error: z
              .string()
              .optional()
              .describe('Why Google could not tell (e.g. notFound): busy is then unknown.'),
          }),
        ),
        freeSlots: z
          .array(period.extend({ minutes: z.number() }))
          .optional()
          .describe('Free for every calendar without an error, within working hours.'),
        moreFreeSlots: z.boolean().optional(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (args) =>
      runTool(async () => {
        if (args.workdayEnd !== '24:00' && args.workdayEnd <= args.workdayStart) {
          throw new UserInputError('workdayEnd must be after workdayStart.');
        }
        const ids = [...new Set(args.calendars)];
        const min = parseTime(args.timeMin, 'timeMin');
        const max = parseTime(args.timeMax, 'timeMax');
        const zone = args.timeZone ?? (await api.calendarTimeZone('primary'));
        const range: Interval = { start: boundToMs(min, zone, 'start'), end: boundToMs(max, zone, 'end') };
        if (range.end <= range.start) throw new UserInputError('timeMax must be after timeMin.');
        const response = await api.freeBusy({
          timeMin: rfc3339(range.start),
          timeMax: rfc3339(range.end),
          timeZone: zone,
          items: ids.map((id) => ({ id })),
        });
        const show = (i: Interval) => ({ start: inZone(i.start, zone).iso, end: inZone(i.end, zone).iso });
        const known: Interval[] = [];
        const calendars = ids.map((id) => {
          const entry = response.calendars?.[id] ?? {};
          const errors = (entry.errors ?? []).map((e) => e.reason ?? 'unknown error');
          const busy = mergeIntervals(
            (entry.busy ?? []).map((b) => ({
              start: Date.parse(b.start ?? ''),
              end: Date.parse(b.end ?? ''),
            })),
          );
          if (errors.length === 0) known.push(...busy);
          return { id, busy: busy.map(show), ...(errors.length ? { error: errors.join(', ') } : {}) };
        });
        const free =
          args.minSlotMinutes === undefined
            ? null
            : freeSlots(
                range,
                known,
                zone,
                {
                  start: args.workdayStart,
                  end: args.workdayEnd,
                  days: new Set(args.workingDays.map((d) => d[0]!.toUpperCase() + d.slice(1))),
                },
                args.minSlotMinutes,
                MAX_SLOTS,
              );
        const freeOut = free?.slots.map((s) => ({
          ...show(s),
          minutes: Math.round((s.end - s.start) / 60_000),
        }));
        const clock = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
        const span = (p: { start: string; end: string }) =>
          p.start.slice(0, 10) === p.end.slice(0, 10)
            ? `${clock(p.start)}–${p.end.slice(11, 16)}`
            : `${clock(p.start)} – ${clock(p.end)}`;
        const from = show(range);
        const lines = [`Free/busy from ${clock(from.start)} to ${clock(from.end)} (${zone}):`];
        for (const c of calendars) {
          if (c.error) lines.push(`${c.id}: unknown (${c.error})`);
          else if (c.busy.length === 0) lines.push(`${c.id}: free the whole time`);
          else lines.push(`${c.id}: busy ${c.busy.map(span).join(', ')}`);
        }
        if (freeOut) {
          lines.push(
            freeOut.length
              ? `Free for everyone (≥ ${args.minSlotMinutes} min, ${args.workdayStart}–${args.workdayEnd}):`
              : `No common free slot of ${args.minSlotMinutes} min within ${args.workdayStart}–${args.workdayEnd}.`,
            ...freeOut.map((s) => `- ${span(s)} (${s.minutes} min)`),
            ...(free?.more ? [`(only the first ${MAX_SLOTS} shown; narrow the range for more)`] : []),
          );
        }
        return toolResult(
          {
            timeZone: zone,
            timeMin: from.start,
            timeMax: from.end,
            calendars,
            ...(freeOut ? { freeSlots: freeOut } : {}),
            ...(free?.more ? { moreFreeSlots: true } : {}),
          },
          lines.join('\n'),
        );
      }),
  );
}

export const formatToolCount = (count: number): string =>
  count === 0 ? 'No tools' : count === 1 ? '1 tool' : `${count} tools`;

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Full local date and time, e.g. for "started at"; falls back to the raw value. */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : iso;
}

/** "Since 14:02" today, "Since 3 Mar, 14:02" otherwise; empty when the time is unusable. */
export function formatSince(iso: string, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return `Since ${time}`;
  const day = date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `Since ${day}, ${time}`;
}

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

/** "3:04:05 PM" today, "3 Mar, 3:04:05 PM" otherwise: seconds matter when a server crash-loops. */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return iso;
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  const day = date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return `${day}, ${time}`;
}

/** "1 line", "3 lines". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

const MB = 1024 * 1024;

/** Resident memory in MB: one decimal below 10 MB, whole numbers above. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

export function formatCpu(percent: number): string {
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

// Quoted only when a shell would split or expand it, so the common case reads plainly.
const quote = (arg: string): string =>
  arg === '' || /[^\w@%+=:,./-]/.test(arg) ? `'${arg.replace(/'/g, `'\\''`)}'` : arg;

/** The command line as a POSIX shell would take it, for reading and copying. */
export function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quote).join(' ');
}

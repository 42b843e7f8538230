/** Dates, durations and labels as agents read them. */

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hr", "5 min ago", "yesterday": the largest whole unit between `iso` and `now`. */
export function relative(iso: string, now: Date, locale = 'en'): string {
  const diff = new Date(iso).getTime() - now.getTime();
  const fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.trunc(diff / ms), unit);
  }
  return diff >= 0 ? 'now' : 'just now';
}

/** "Fri 4 Dec, 17:00" in the agent's zone (or the one given). */
export function dateTime(iso: string, opts: { locale?: string; timeZone?: string } = {}): string {
  return new Intl.DateTimeFormat(opts.locale ?? 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: opts.timeZone,
  }).format(new Date(iso));
}

/** Business minutes as "45 min", "4 h", "1 h 30 min". */
export function minutes(total: number): string {
  const m = Math.round(total);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/** How long since `iso`, for waits: "under a minute", "12 min", "3 h", "4 d". */
export function elapsed(iso: string, now: Date): string {
  const ms = Math.max(0, now.getTime() - new Date(iso).getTime());
  if (ms < 60_000) return 'under a minute';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h`;
  return `${Math.floor(ms / 86_400_000)} d`;
}

const channelNames: Record<string, string> = { api: 'API', email: 'Email', web: 'Web', chat: 'Chat', phone: 'Phone' };

/** A channel as agents say it. */
export function channelLabel(channel: string): string {
  return channelNames[channel] ?? label(channel);
}

/** "on_hold" → "On hold". */
export function label(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const statuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;

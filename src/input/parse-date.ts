/**
 * Publication dates as written in news pages and datasets → ISO 8601, without ever
 * consulting the local time zone (the same input gives the same output on every machine).
 *
 * Output:
 * - a date only (`2020-07-22`) when no time is given, or when the time zone is ambiguous;
 * - a UTC date-time (`2020-07-22T01:37:00Z`) when the time zone is known (an offset, `Z`,
 *   or a named zone such as GMT, EDT, IRST);
 * - a date-time without offset (`2020-07-22T13:45:00`, ISO 8601 "local time") when a time
 *   is given with no zone at all: we do not pretend to know which zone was meant;
 * - null when the text is not clearly a date (unknown words, day and month ambiguous as
 *   in 03/04/2020, impossible values).
 */

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4],
  ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9],
  ['september', 9], ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

const WEEKDAYS: ReadonlySet<string> = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);

/** Words that may surround a date in a header line without changing it. */
const FILLER: ReadonlySet<string> = new Set(['on', 'at', 'of', 'the', 'published', 'updated', 'posted', 'last', 'modified', 'date', 'time', 'and', 'first']);

/** Named zones → offset in minutes east of UTC; null marks a name used for several zones. */
const ZONES: ReadonlyMap<string, number | null> = new Map([
  ['gmt', 0], ['utc', 0], ['ut', 0], ['z', 0],
  ['est', -300], ['edt', -240], ['cst', null], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['bst', 60], ['cet', 60], ['cest', 120], ['eet', 120], ['eest', 180], ['msk', 180], ['irst', 210], ['irdt', 270],
  ['ist', null], ['jst', 540], ['kst', 540], ['hkt', 480], ['sgt', 480], ['aest', 600], ['aedt', 660], ['pkt', 300], ['ast', null],
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TOKEN = /[a-z]+|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?|[+-]\d{2}:?\d{2}|\d+(?:st|nd|rd|th)?|[^\sa-z\d]/gi;

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number;
  second: number;
  /** Minutes east of UTC; undefined when no zone was written, null when the zone is ambiguous. */
  offset: number | null | undefined;
}

function format(p: Parts): string | null {
  if (!validDate(p.year, p.month, p.day)) return null;
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === null || p.offset === null) return date;
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return null;
  if (p.offset === undefined) return `${date}T${pad(p.hour)}:${pad(p.minute)}:${pad(Math.min(p.second, 59))}`;
  const ms = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59)) - p.offset * 60_000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseOffset(text: string): number | null {
  if (text.toLowerCase() === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** A number of seconds or milliseconds since 1970 (datasets store both). */
export function parseTimestamp(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const ms = value > 1e11 ? value : value * 1000;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1970 || year > MAX_YEAR) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a date written in any of the common news forms; null when unsure. */
export function parseDate(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 100) return null;
  const isoDate = ISO_DATE.exec(text);
  if (isoDate) {
    const [, y, m, d] = isoDate;
    return format({ year: Number(y), month: Number(m), day: Number(d), hour: null, minute: 0, second: 0, offset: undefined });
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    const offset = zone === undefined ? undefined : parseOffset(zone);
    return format({
      year: Number(y), month: Number(m), day: Number(d), hour: Number(hh), minute: Number(mm), second: Number(ss ?? 0),
      offset,
    });
  }
  return parseWords(text);
}

/** "0137 GMT July 22, 2020", "Wed, 22 Jul 2020 01:37:00 +0000", "22 July 2020", "7/22/2020 1:37 PM". */
function parseWords(text: string): string | null {
  const tokens = text.match(TOKEN);
  if (!tokens) return null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let hour: number | null = null;
  let minute = 0;
  let second = 0;
  let offset: number | null | undefined;
  let meridiem: 'am' | 'pm' | null = null;
  const loose: number[] = [];
  let numericDate: number[] | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const lower = token.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    if (/^[a-z]+$/.test(lower)) {
      if (MONTHS.has(lower)) {
        if (month !== null) return null;
        month = MONTHS.get(lower) as number;
      } else if (WEEKDAYS.has(lower) || FILLER.has(lower)) {
        continue;
      } else if (lower === 'am' || lower === 'pm' || lower === 'a' || lower === 'p') {
        if (lower === 'a' || lower === 'p') {
          // "a.m." / "p.m." arrive as a . m .
          if (tokens[i + 1] !== '.' || tokens[i + 2]?.toLowerCase() !== 'm') return null;
          i += 2;
        }
        meridiem = lower.startsWith('a') ? 'am' : 'pm';
      } else if (ZONES.has(lower)) {
        offset = ZONES.get(lower) ?? null;
      } else {
        return null;
      }
    } else if (token.includes(':') && /^\d/.test(token)) {
      const [h, m, s] = token.split(':');
      hour = Number(h);
      minute = Number(m);
      second = s === undefined ? 0 : Math.floor(Number(s));
    } else if (/^[+-]\d{2}:?\d{2}$/.test(token)) {
      offset = parseOffset(token);
      if (offset === null) return null;
    } else if (/^\d/.test(token)) {
      const digits = token.replace(/(?:st|nd|rd|th)$/i, '');
      const value = Number(digits);
      if (next === '/' || (tokens[i - 1] === '/' && numericDate)) {
        numericDate ??= [];
        numericDate.push(value);
        continue;
      }
      if (digits.length === 4 && next !== undefined && ZONES.has(next)) {
        // "0137 GMT": a 24-hour time written without a colon, as wire services do.
        hour = Math.floor(value / 100);
        minute = value % 100;
      } else if (digits.length === 4) {
        if (year !== null) return null;
        year = value;
      } else if (digits.length <= 2) {
        loose.push(value);
      } else {
        return null;
      }
    } else if (token === ',' || token === '.' || token === '-' || token === '/' || token === '(' || token === ')' || token === '|' || token === '–' || token === '—') {
      continue;
    } else {
      return null;
    }
  }

  if (numericDate) {
    if (numericDate.length !== 3 || month !== null || year !== null) return null;
    const [a, b, c] = numericDate as [number, number, number];
    if (c < 100) return null;
    year = c;
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [month, day] = [a, b];
    else if (a === b) [month, day] = [a, b];
    else return null;
  } else {
    if (month === null || year === null || loose.length !== 1) return null;
    day = loose[0] as number;
  }
  if (hour !== null && meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour === null && offset !== undefined) offset = undefined;
  return format({ year, month, day, hour, minute, second, offset });
}

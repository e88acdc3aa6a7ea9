// The error github.com/robfig/cron/v3 ParseStandard (v3.0.1, parser.go) returns for a CronJob schedule, or null
// when it parses. The API server prints it as `spec.schedule: Invalid value: "<schedule>": <error>`.

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
// Minute, hour, day of month, month, day of week (the standard parser has no seconds field).
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** strconv.Atoi's error text. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

function mustParseInt(expr: string): number | { error: string } {
  const n = atoi(expr);
  if (typeof n === 'string') return { error: `failed to parse int from ${expr}: ${n}` };
  if (n < 0) return { error: `negative number (${n}) not allowed: ${expr}` };
  return n;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number | { error: string } {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

function rangeError(expr: string, r: Bounds): string | null {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0] ?? '', r.names);
    if (typeof s !== 'number') return s.error;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1] ?? '', r.names);
      if (typeof e !== 'number') return e.error;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1] ?? '');
    if (typeof s !== 'number') return s.error;
    step = s;
    if (lowAndHigh.length === 1) end = r.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return null;
}

/** Go's time.ParseDuration accepts e.g. "1h30m", "90s", "1.5h"; only the shape is checked here. */
function durationError(s: string): string | null {
  if (/^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.test(s) || s === '0') return null;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)
    ? `time: missing unit in duration ${JSON.stringify(s)}`
    : `time: invalid duration ${JSON.stringify(s)}`;
}

export function cronScheduleError(spec: string, knownTimeZone: (tz: string) => boolean): string | null {
  if (spec.length === 0) return 'empty spec string';
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const eq = rest.indexOf('=');
    const tz = space < 0 ? rest.slice(eq + 1) : rest.slice(eq + 1, space);
    if (!knownTimeZone(tz)) return `provided bad location ${tz}: unknown time zone ${tz}`;
    rest = space < 0 ? '' : rest.slice(space).trim();
  }
  if (rest.startsWith('@')) {
    if (DESCRIPTORS.includes(rest)) return null;
    if (rest.startsWith('@every ')) {
      const err = durationError(rest.slice('@every '.length));
      return err ? `failed to parse duration ${rest}: ${err}` : null;
    }
    return `unrecognized descriptor: ${rest}`;
  }
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    const bounds = FIELDS[i] as Bounds;
    for (const expr of (fields[i] ?? '').split(',').filter((e) => e !== '')) {
      const err = rangeError(expr, bounds);
      if (err) return err;
    }
  }
  return null;
}

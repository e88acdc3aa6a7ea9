import assert from 'node:assert/strict';
import { cronScheduleError } from '../../../../../src/engine/apiserver/validation/cron-schedule';

// github.com/robfig/cron/v3 v3.0.1 parser.go (ParseStandard), as kube-apiserver uses it for CronJob schedules.
const knownZone = (tz: string) => tz === 'UTC' || tz === 'Europe/Paris';
const cases: { schedule: string; want: string | null }[] = [
  { schedule: '*/5 * * * *', want: null },
  { schedule: '0 9-17 * * mon-fri', want: null },
  { schedule: '@hourly', want: null },
  { schedule: '@every 1h30m', want: null },
  { schedule: '', want: 'empty spec string' },
  { schedule: '* * * *', want: 'expected exactly 5 fields, found 4: [* * * *]' },
  { schedule: '60 * * * *', want: 'end of range (60) above maximum (59): 60' },
  { schedule: '* * 0 * *', want: 'beginning of range (0) below minimum (1): 0' },
  { schedule: '5-1 * * * *', want: 'beginning of range (5) beyond end of range (1): 5-1' },
  { schedule: '*/0 * * * *', want: 'step of range should be a positive number: */0' },
  { schedule: 'x * * * *', want: 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax' },
  { schedule: '1-2-3 * * * *', want: 'too many hyphens: 1-2-3' },
  { schedule: '@fortnightly', want: 'unrecognized descriptor: @fortnightly' },
  { schedule: 'TZ=Mars/Olympus 0 * * * *', want: 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus' },
];

describe('cron schedule parsing', () => {
  for (const c of cases) {
    it(JSON.stringify(c.schedule), () => assert.equal(cronScheduleError(c.schedule, knownZone), c.want));
  }
});

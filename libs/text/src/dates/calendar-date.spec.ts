import { addDays, hijriToGregorian, hijriYearOf, latestDayMonth, latestWeekday, nextWeekday, toIsoDay, weekdayOfIso } from './calendar-date';

describe(latestDayMonth.name, () => {
  it('fixes the year of a day and month by its weekday: Thursday 6 January before late 2026 is 2022', () => {
    expect(latestDayMonth(1, 6, '2026-11-23', 4)).toBe('2022-01-06');
    expect(latestDayMonth(1, 6, '2015-07-28', 4)).toBe('2011-01-06');
  });

  it('never goes past the limit and skips years without 29 February', () => {
    expect(latestDayMonth(7, 29, '2015-07-28', null)).toBe('2014-07-29');
    expect(latestDayMonth(2, 29, '2015-07-28', null)).toBe('2012-02-29');
  });
});

describe(latestWeekday.name, () => {
  it('counts the day itself unless strictly before is asked', () => {
    expect(latestWeekday(4, '2022-01-06')).toBe('2022-01-06');
    expect(latestWeekday(4, '2022-01-06', true)).toBe('2021-12-30');
    expect(latestWeekday(3, '2022-01-06')).toBe('2022-01-05');
  });
});

describe(nextWeekday.name, () => {
  it('is strictly after', () => {
    expect(nextWeekday(4, '2022-01-06')).toBe('2022-01-13');
  });
});

describe(hijriToGregorian.name, () => {
  it('converts by Umm al-Qura', () => {
    expect(hijriToGregorian(1436, 10, 6)).toBe('2015-07-22');
    expect(hijriToGregorian(1443, 6, 3)).toBe('2022-01-06');
    expect(hijriYearOf('2015-07-22')).toBe(1436);
  });

  it('returns null for days that do not exist', () => {
    expect(hijriToGregorian(1436, 13, 1)).toBeNull();
    expect(hijriToGregorian(1436, 1, 31)).toBeNull();
  });
});

describe(toIsoDay.name, () => {
  it('takes the day of timestamps and dates, and null for anything else', () => {
    expect(toIsoDay('2022-01-06T23:10:00Z')).toBe('2022-01-06');
    expect(toIsoDay('2022-01-06')).toBe('2022-01-06');
    expect(toIsoDay('2015-07-21 02:16:17')).toBe('2015-07-21');
    expect(toIsoDay('2022-01-06T23:30:00-05:00')).toBe('2022-01-06');
    expect(toIsoDay('2022-02-30')).toBeNull();
    expect(toIsoDay(new Date(Date.UTC(2022, 0, 6)))).toBe('2022-01-06');
    expect(toIsoDay('not a date')).toBeNull();
    expect(toIsoDay(null)).toBeNull();
  });

  it('does day arithmetic in UTC', () => {
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(weekdayOfIso('2022-01-06')).toBe(4);
  });
});

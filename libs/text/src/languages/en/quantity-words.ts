import type { QuantityWords } from '../language-module';

/** English words that tell what a number counts and how firmly (see QuantityWords). */
export const ENGLISH_QUANTITY_WORDS: QuantityWords = {
  countedNouns: [
    ['troops', true, ['troops', 'soldiers', 'servicemen', 'personnel', 'paratroopers', 'marines', 'fighters']],
    ['peacekeepers', false, ['peacekeepers']],
    ['killed', false, ['dead', 'deaths', 'fatalities', 'bodies', 'killed']],
    ['injured', false, ['injured', 'wounded', 'injuries']],
    ['arrested', false, ['arrests', 'detainees', 'arrested']],
    ['displaced', false, ['refugees', 'displaced']],
    ['protesters', true, ['protesters', 'demonstrators']],
    ['vehicles', false, ['vehicles', 'tanks', 'trucks', 'cars', 'buses']],
    ['aircraft', false, ['aircraft', 'planes', 'jets', 'helicopters', 'drones', 'warplanes']],
    ['days', false, ['days', 'day']],
    ['hours', false, ['hours', 'hour']],
    ['weeks', false, ['weeks', 'week']],
    ['months', false, ['months', 'month']],
    ['years', false, ['years', 'year']],
    ['people', true, ['people', 'persons', 'civilians', 'residents', 'children', 'women', 'men', 'migrants', 'passengers', 'workers']],
    ['money', false, ['dollars', 'dollar', 'euros', 'euro', 'pounds', 'riyals', 'rubles', 'yuan']],
    // Units and things counted that no category names: they keep event verbs from claiming the number ("seized 5000 barrels").
    ['other', false, [
      'times', 'minutes', 'miles', 'kilometres', 'kilometers', 'tons', 'tonnes', 'barrels', 'missiles', 'rockets', 'cases',
    ]],
  ],
  dualNouns: [],
  eventCues: [
    ['intensive-care', ['intensive care', 'icu']],
    ['hospitalized', ['hospital', 'hospitals', 'hospitalized', 'hospitalised']],
    ['killed', ['killed', 'died', 'dead', 'death toll']],
    ['injured', ['wounded', 'injured', 'hurt']],
    ['arrested', ['arrested', 'detained']],
    ['displaced', ['displaced', 'fled']],
  ],
  peacekeepingCues: ['peacekeeping', 'peacekeepers', 'peacekeeper'],
  countOfCues: ['number of', 'total', 'toll'],
  qualifiersBefore: [
    ['about', ['about', 'around', 'nearly', 'approximately', 'roughly', 'almost', 'an estimated', 'some']],
    ['more-than', ['more than', 'over', 'upwards of', 'in excess of']],
    ['less-than', ['less than', 'fewer than', 'under']],
    ['at-least', ['at least']],
    ['at-most', ['at most', 'no more than', 'not more than', 'a maximum of']],
    ['up-to', ['up to']],
  ],
  qualifiersAfter: [
    ['at-least', ['at least', 'or more']],
    ['about', ['approximately', 'or so']],
    ['at-most', ['at most']],
  ],
  negations: ['not', 'no', 'never', "won't", 'cannot'],
  labelWords: ['no', 'number', 'page', 'article', 'chapter', 'section', 'round', 'minute', 'phone', 'tel', 'route', 'flight'],
  timeOfDay: ['am', 'pm', 'gmt', 'utc', "o'clock"],
  percentWords: ['percent', 'per cent', 'pct'],
  partitives: ['of'],
  functionWords: [
    'in', 'of', 'on', 'at', 'were', 'was', 'have', 'had', 'are', 'who', 'and', 'from', 'to', 'for', 'with', 'after', 'by', 'as', 'had',
    'has', 'been', 'more', 'others', 'other', 'or', 'including',
  ],
};

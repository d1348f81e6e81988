import type { ChromeWords } from '../language-module';

/** English page furniture, as Arabic sites' templates and embedded wire copy show it. */
export const ENGLISH_CHROME: ChromeWords = {
  continuationLines: ['continued', 'to be continued', 'more', 'read more', 'end'],
  shareOpeners: ['copy link', 'copy url', 'share this', 'share on', 'share article'],
  shareLines: ['print', 'email', 'share'],
  shareButtons: [
    'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin', 'email', 'e-mail', 'print', 'pinterest', 'reddit', 'messenger',
    'share', 'tweet', 'copy', 'link', 'x', 'instagram',
  ],
  relatedHeadings: [
    'related', 'related articles', 'related stories', 'related news', 'related posts', 'read more', 'read also', 'also read', 'see also',
    'more stories', 'most read', 'most popular', 'you may also like', 'recommended', 'recommended for you',
  ],
  promoLines: [],
  copyrightOpeners: ['copyright'],
  copyrightAnywhere: ['all rights reserved'],
  dateLineAnchors: [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
  dateLineOpeners: [],
  dateLineFillers: [
    'published', 'updated', 'posted', 'last', 'on', 'at', 'am', 'pm', 'gmt', 'utc', 'ago', 'hours', 'hour', 'minutes', 'minute',
    'days', 'day',
  ],
  relativeTimeWords: ['ago'],
};

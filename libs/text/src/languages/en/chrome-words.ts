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
  patterns: {
    pagerLinks: ['next', 'previous', 'prev'],
    appPromoVerbs: ['follow', 'download', 'subscribe', 'join', 'get'],
    appPromoTargets: ['\\bapp\\b', 'google news', 'telegram', 'whatsapp', 'twitter', 'facebook', 'instagram', 'youtube', 'newsletter'],
    cookieNotices: ['cookie'],
    consentButtons: ['accept', 'accept all', 'accept cookies', 'i agree', 'agree', 'ok', 'okay', 'got it', 'allow all'],
    imageCaptions: ['^(photo|photos|image|picture|file photo|photograph|credit)\\s*[:(\\-–]', '^(file photo|getty images)$', '^(from left|left to right)\\s'],
    sourceLines: ['^(source|sources|via)\\s*[:\\-–]\\s*\\S'],
    sourceAgencies: ['reuters', 'afp', 'ap', 'dpa', 'upi', 'xinhua', 'anadolu'],
    mastheadRoles: ['editor-in-chief', 'editor in chief', 'managing editor', 'executive editor', 'publisher', 'chairman'],
    bylineLeads: ['written by', 'reporting by', 'reported by', 'edited by', 'story by', 'by'],
    contactLines: ['contact the (author|writer)'],
    handleLabels: ['twitter', 'x', 'email'],
    commentHeadings: [
      'comments?', '\\d+ comments?', 'leave a (comment|reply)', 'add a comment', 'post a comment', 'join the (discussion|conversation)', 'reader comments',
    ],
    datelineAgencies: ['AP', 'AFP', 'Reuters', 'UPI', 'dpa', 'AA'],
  },
};

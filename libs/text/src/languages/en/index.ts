import type { LanguageModule } from '../language-module';
import { ENGLISH_CALENDAR } from './calendar-words';
import { ENGLISH_CHROME } from './chrome-words';
import { ENGLISH_NUMBER_WORDS } from './number-words';
import { ENGLISH_QUANTITY_WORDS } from './quantity-words';
import { ENGLISH_QUOTE_WORDS } from './quote-words';
import { ENGLISH_PEOPLE } from './people-words';

export const english: LanguageModule = {
  code: 'en',
  readInEveryText: true,
  calendar: ENGLISH_CALENDAR,
  numberWords: ENGLISH_NUMBER_WORDS,
  chrome: ENGLISH_CHROME,
  quantities: ENGLISH_QUANTITY_WORDS,
  quotes: ENGLISH_QUOTE_WORDS,
  people: ENGLISH_PEOPLE,
};

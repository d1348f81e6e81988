import type { LanguageModule } from '../language-module';
import { FRENCH_CALENDAR } from './calendar-words';
import { FRENCH_CHROME } from './chrome-words';
import { FRENCH_NUMBER_WORDS } from './number-words';
import { FRENCH_QUANTITY_WORDS } from './quantity-words';
import { FRENCH_QUOTE_WORDS } from './quote-words';
import { FRENCH_PEOPLE } from './people-words';

/** French: Maghrebi and Lebanese outlets publish in it beside Arabic. Read only in texts identified as French. */
export const french: LanguageModule = {
  code: 'fr',
  readInEveryText: false,
  calendar: FRENCH_CALENDAR,
  numberWords: FRENCH_NUMBER_WORDS,
  chrome: FRENCH_CHROME,
  quantities: FRENCH_QUANTITY_WORDS,
  quotes: FRENCH_QUOTE_WORDS,
  people: FRENCH_PEOPLE,
  groupsDigitsWithSpaces: true,
};

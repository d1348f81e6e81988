import { normalizeArabic } from '../../normalize/arabic-normalizer';
import type { LanguageModule } from '../language-module';
import { ARABIC_CALENDAR } from './calendar-words';
import { ARABIC_CHROME } from './chrome-words';
import { ARABIC_CLITICS } from './clitics';
import { ARABIC_NAME_CUES } from './name-cue-words';
import { ARABIC_NUMBER_WORDS } from './number-words';
import { ARABIC_QUANTITY_WORDS } from './quantity-words';
import { ARABIC_QUOTE_WORDS } from './quote-words';
import { ARABIC_PEOPLE } from './people-words';

export const arabic: LanguageModule = {
  code: 'ar',
  readInEveryText: true,
  calendar: ARABIC_CALENDAR,
  numberWords: ARABIC_NUMBER_WORDS,
  chrome: ARABIC_CHROME,
  quantities: ARABIC_QUANTITY_WORDS,
  quotes: ARABIC_QUOTE_WORDS,
  people: ARABIC_PEOPLE,
  normalize: normalizeArabic,
  clitics: ARABIC_CLITICS,
  nameCues: ARABIC_NAME_CUES,
};

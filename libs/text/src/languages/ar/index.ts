import { normalizeArabic } from '../../normalize/arabic-normalizer';
import type { LanguageModule } from '../language-module';
import { ARABIC_CALENDAR } from './calendar-words';
import { ARABIC_CHROME } from './chrome-words';
import { ARABIC_NUMBER_WORDS } from './number-words';
import { ARABIC_PEOPLE } from './people-words';

export const arabic: LanguageModule = {
  code: 'ar',
  readInEveryText: true,
  calendar: ARABIC_CALENDAR,
  numberWords: ARABIC_NUMBER_WORDS,
  chrome: ARABIC_CHROME,
  people: ARABIC_PEOPLE,
  normalize: normalizeArabic,
};

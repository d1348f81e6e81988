import type { PeopleWords } from '../language-module';

/** English titles before a person's name, lower-cased as the recognizer matches them; a name after one is a run of capitalised words. */
export const ENGLISH_PEOPLE: PeopleWords = {
  nameScript: 'latin',
  cues: [
    [['prime minister'], 'title'],
    [['foreign minister'], 'title'],
    [['defence minister'], 'title'],
    [['defense minister'], 'title'],
    [['interior minister'], 'title'],
    [['foreign secretary'], 'title'],
    [['crown prince'], 'title'],
    [['secretary-general'], 'title'],
    [['secretary general'], 'title'],
    [['president'], 'title'],
    [['spokesman'], 'title'],
    [['spokeswoman'], 'title'],
    [['spokesperson'], 'title'],
    [['ambassador'], 'title'],
    [['king'], 'title'],
    [['queen'], 'title'],
    [['prince'], 'title'],
    [['chancellor'], 'title'],
    [['senator'], 'title'],
  ],
  nameLinks: [],
  stops: [
    'the', 'a', 'an', 'and', 'but', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'said', 'says', 'told',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ],
  // Compared as written: a Latin surname is matched by its text, capitals included.
  commonSurnames: ['II', 'Jr', 'Jr.'],
};

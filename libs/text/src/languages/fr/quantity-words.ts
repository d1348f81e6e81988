import type { QuantityWords } from '../language-module';

/**
 * French: a minimum for the counts news leads with (casualties, troops,
 * protesters, refugees, money, percentages). Participles agree in gender
 * ("tués", "tuées"), so both are listed; elided "d'euros" is written whole
 * because the apostrophe joins it into one token.
 */
export const FRENCH_QUANTITY_WORDS: QuantityWords = {
  countedNouns: [
    ['troops', true, ['soldats', 'soldat', 'militaires', 'combattants']],
    ['killed', false, ['morts', 'tués', 'tuées']],
    ['injured', false, ['blessés', 'blessées']],
    ['displaced', false, ['réfugiés', 'refugies', 'déplacés']],
    ['protesters', true, ['manifestants', 'manifestantes']],
    ['days', false, ['jours', 'jour']],
    ['hours', false, ['heures']],
    ['weeks', false, ['semaines']],
    ['months', false, ['mois']],
    ['years', false, ['ans', 'années']],
    ['people', true, ['personnes', 'personne', 'civils', 'habitants', 'enfants', 'femmes']],
    ['money', false, ['euros', 'euro', "d'euros", 'dollars', 'dollar']],
  ],
  dualNouns: [],
  eventCues: [
    ['killed', ['tués', 'tuées', 'tué', 'tuée', 'morts', 'mort', 'décès']],
    ['injured', ['blessés', 'blessées', 'blessé', 'blessée']],
    ['displaced', ['déplacés', 'déplacées', 'fui']],
  ],
  peacekeepingCues: ['casques bleus', 'maintien de la paix'],
  countOfCues: ['nombre de', 'bilan', 'total'],
  qualifiersBefore: [
    ['about', ['environ', 'près de', 'quelque']],
    ['more-than', ['plus de']],
    ['less-than', ['moins de']],
    ['at-least', ['au moins']],
    ['up-to', ["jusqu'à"]],
  ],
  qualifiersAfter: [
    ['at-least', ['au moins']],
    ['about', ['environ']],
  ],
  negations: ['pas', 'jamais'],
  labelWords: ['numéro', 'page', 'chapitre'],
  timeOfDay: [],
  percentWords: ['pour cent', 'pourcent'],
  partitives: ['de', 'des', 'd'],
  // Not "de": it stands between a number and its noun ("2 millions de dollars"), so it must not end the search for the noun.
  functionWords: ['à', 'en', 'dans', 'par', 'pour', 'sur', 'et', 'ou', 'ont', 'été', 'sont', 'avec', 'dont'],
};

import type { ChromeWords } from '../language-module';

/** French page furniture, written by hand from the labels French news sites put around an article. */
export const FRENCH_CHROME: ChromeWords = {
  continuationLines: ['lire la suite', 'à suivre', 'fin'],
  shareOpeners: ['partager sur', 'partager cet article', 'copier le lien'],
  shareLines: ['partager', 'imprimer'],
  shareButtons: ['partager', 'imprimer'],
  relatedHeadings: ['lire aussi', 'à lire aussi', 'voir aussi', 'sur le même sujet', 'les plus lus'],
  promoLines: ['abonnez-vous', 'newsletter', 'inscrivez-vous à notre newsletter', 'recevez notre newsletter'],
  copyrightOpeners: [],
  copyrightAnywhere: ['tous droits réservés'],
  dateLineAnchors: [
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
    'janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre',
    'décembre', 'decembre',
  ],
  dateLineOpeners: ['publié le', 'publie le', 'mis à jour le', 'mis a jour le'],
  dateLineFillers: ['le', 'à', 'a', 'heures', 'heure', 'minutes', 'il', 'y'],
  relativeTimeWords: [],
};

import { extractQuotes } from '../../quotes/quote-extractor';

/** Sentences as French wire copy writes them; written for the test. */
describe('French quote words', () => {
  it.each([
    [
      'Le ministre de la Défense a déclaré : « Nos troupes resteront dans la région jusqu’à nouvel ordre. »',
      'Le ministre de la Défense',
      'a déclaré',
    ],
    ['« La situation reste très tendue dans le nord du pays », a affirmé le président.', 'le président', 'a affirmé'],
    ['Selon le ministre de la Santé, « les hôpitaux de la capitale sont saturés depuis lundi ».', 'le ministre de la Santé', 'Selon'],
  ])('%s', (sentence, speaker, cue) => {
    expect(extractQuotes(sentence, 'fr')).toMatchObject([{ speaker, cue }]);
  });

  it('reads French reporting words only in French texts', () => {
    expect(extractQuotes('Le ministre a déclaré : « Nos troupes resteront dans la région. »', 'en')).toMatchObject([{ speaker: null, cue: null }]);
  });
});

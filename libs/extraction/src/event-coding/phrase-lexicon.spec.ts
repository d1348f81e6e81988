import { tokenize } from '@eventwire/text';
import { PhraseLexicon } from './phrase-lexicon';

const lexicon = new PhraseLexicon([
  { pattern: 'أرسل * قوات', value: 'send-troops' },
  { pattern: '+رسل * قوات', value: 'send-troops' },
  { pattern: 'انسحاب', value: 'withdrawal' },
  { pattern: 'ندد', value: 'condemn' },
  { pattern: '+ندد', value: 'condemn' },
  { pattern: 'send * troop', value: 'send-troops' },
  { pattern: 'fight', value: 'fight' },
  { pattern: 'withdraw', value: 'withdrawal' },
]);
const found = (text: string): string[] => lexicon.match(tokenize(text)).map((m) => m.entry.value);

describe(PhraseLexicon.name, () => {
  it('matches Arabic verbs through proclitics, person suffixes and imperfect prefixes', () => {
    expect(found('وأرسلت روسيا قوات إلى سوريا')).toEqual(['send-troops']);
    expect(found('ترسل تركيا قواتها إلى ليبيا')).toEqual(['send-troops']);
    expect(found('يرسلون قوات')).toEqual(['send-troops']);
    expect(found('ونددت الخارجية بالهجوم')).toEqual(['condemn']);
    expect(found('تندد الجامعة العربية')).toEqual(['condemn']);
    expect(found('أعلنت بدء الانسحاب من المدينة')).toEqual(['withdrawal']);
    expect(found('وبالانسحاب')).toEqual(['withdrawal']);
  });

  it('matches inflected English through lemmas, irregular forms included', () => {
    expect(found('Turkey sent 300 troops to Libya')).toEqual(['send-troops']);
    expect(found('Rebels fought the army; the army withdrew')).toEqual(['fight', 'withdrawal']);
    expect(found('fighting continued as forces were withdrawing')).toEqual(['fight', 'withdrawal']);
  });

  it('lets at most three words into a gap and never matches across a missing word', () => {
    expect(found('أرسلت روسيا والصين وإيران وتركيا قوات')).toEqual([]);
    expect(found('They sent aid')).toEqual([]);
  });

  it('prefers the longer entry at the same start and does not overlap matches', () => {
    const nested = new PhraseLexicon([
      { pattern: 'send', value: 'short' },
      { pattern: 'send * peacekeeper', value: 'long' },
    ]);
    expect(nested.match(tokenize('Fiji will send 200 peacekeepers')).map((m) => m.entry.value)).toEqual(['long']);
    expect(nested.matchAll(tokenize('Fiji will send 200 peacekeepers')).map((m) => m.entry.value)).toEqual(['long', 'short']);
  });

  it('refuses an entry that starts or ends with a gap', () => {
    expect(() => new PhraseLexicon([{ pattern: '* troop', value: 1 }])).toThrow(/start and end with a word/);
  });
});

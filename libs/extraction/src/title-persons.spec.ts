import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { ArabicEntityTagger } from './ner/arabic-entity-tagger';
import { PersonRecognizer } from './person-recognizer';
import { confirmTitlePersons } from './title-persons';

describe(confirmTitlePersons.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);
  const recognizer = new PersonRecognizer(kb, matcher);
  const tagger = ArabicEntityTagger.bundled(kb);
  const confirmed = (text: string, tagged = true): { id: string; name: string; mentions: string[] }[] => {
    const matches = matcher.match(text);
    const persons = recognizer.recognize([{ text, start: 0, matches }]);
    return confirmTitlePersons(persons, tagger.tag(text, matches), () => tagged).map((p) => ({ id: p.id, name: p.name, mentions: p.mentions.map((m) => m.text) }));
  };

  it('keeps a title person the tagger also reads as a person', () => {
    expect(confirmed('وكان الرئيس السوداني عمر حسن البشير قد وصل إلى الخرطوم أمس')).toEqual([
      { id: 'person:mr-hsn-albshyr', name: 'عمر حسن البشير', mentions: ['عمر حسن البشير'] },
    ]);
  });

  it('drops the words after a title that the tagger reads as no person', () => {
    // The title pattern takes "إحباط عمليات" ("foiling operations") for the security spokesman's name.
    const text = 'وأكد المتحدث الأمني إحباط عمليات إرهابية مروعة';
    expect(recognizer.recognize(text).map((p) => p.name)).toEqual(['إحباط عمليات']);
    expect(confirmed(text)).toEqual([]);
  });

  it('leaves title persons outside the tagged text as the recognizer found them', () => {
    const text = 'وأكد المتحدث الأمني إحباط عمليات إرهابية مروعة';
    expect(confirmed(text, false).map((p) => p.name)).toEqual(['إحباط عمليات']);
  });

  it('takes the tagger\'s span where the two differ, and the id of that span', () => {
    const persons = [{ id: 'person:mr-hsn', name: 'عمر حسن', role: 'الرئيس', mentions: [{ text: 'عمر حسن', start: 5, end: 12 }] }];
    const names = [{ type: 'PER' as const, start: 5, end: 19, text: 'عمر حسن البشير' }];
    expect(confirmTitlePersons(persons, names, () => true)).toEqual([
      { id: 'person:mr-hsn-albshyr', name: 'عمر حسن البشير', role: 'الرئيس', mentions: [{ text: 'عمر حسن البشير', start: 5, end: 19 }] },
    ]);
  });
});

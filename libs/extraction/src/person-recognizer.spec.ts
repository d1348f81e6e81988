import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { PersonRecognizer, romanizationKey } from './person-recognizer';

describe(PersonRecognizer.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);
  const recognizer = new PersonRecognizer(kb, matcher);

  const spansOf = (text: string, ids: string[]): void => {
    for (const person of recognizer.recognize(text).filter((p) => ids.includes(p.id))) {
      for (const m of person.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  };

  it('finds an unknown minister after his title, with role and country, and merges the later surname', () => {
    const text = 'قال وزير الخارجية الأردني ناصر جودة إن المحادثات كانت صريحة. وأضاف جودة أن الأردن يدعم الحل السياسي.';
    const [person, ...others] = recognizer.recognize(text);
    expect(others).toEqual([]);
    expect(person).toMatchObject({ id: 'person:nasr-jwdh', name: 'ناصر جودة', role: 'وزير الخارجية الأردني', countryCode: 'JOR' });
    expect(person.mentions.map((m) => m.text)).toEqual(['ناصر جودة', 'جودة']);
    spansOf(text, [person.id]);
  });

  it('does the same in English', () => {
    const text = 'Jordanian Foreign Minister Nasser Judeh said the talks were frank. Judeh added that Amman backs a political solution.';
    const [person, ...others] = recognizer.recognize(text);
    expect(others).toEqual([]);
    expect(person).toMatchObject({ id: 'person:nasser-judeh', name: 'Nasser Judeh', role: 'Foreign Minister', countryCode: 'JOR' });
    expect(person.mentions.map((m) => m.text)).toEqual(['Nasser Judeh', 'Judeh']);
    spansOf(text, [person.id]);
  });

  it('leaves a person the knowledge base knows to the gazetteer', () => {
    expect(recognizer.recognize('وزير الدفاع الروسي، سيرغي شويغو، يزور موسكو')).toEqual([]);
    expect(recognizer.recognize('المتحدث باسم وزارة الخارجية الأمريكية، نيد برايس، قال')).toEqual([]);
    expect(recognizer.recognize('رئيس الوزراء الأرميني نيكول باشينيان')).toEqual([]);
    expect(recognizer.recognize('Russian President Vladimir Putin said')).toEqual([]);
    const kbIds = matcher.match('وزير الدفاع الروسي، سيرغي شويغو').map((m) => m.entityId);
    expect(kbIds).toContain('person:sergei-shoigu');
  });

  it('takes the country from "باسم <organisation>" and a construct role', () => {
    const [spokesman] = recognizer.recognize('وقال المتحدث باسم الخارجية الروسية ألكسندر لوكاشيفيتش في بيان');
    expect(spokesman).toMatchObject({ name: 'ألكسندر لوكاشيفيتش', countryCode: 'RUS' });
    const [premier] = recognizer.recognize('التقى رئيس وزراء العراق مصطفى الكاظمي بالوفد');
    expect(premier).toMatchObject({ name: 'مصطفى الكاظمي', role: 'رئيس وزراء العراق', countryCode: 'IRQ' });
  });

  it('reads a comma after the role and three-word names, and stops at a verb or preposition', () => {
    const [a] = recognizer.recognize('أكد وزير الخارجية الإيراني، محمد جواد ظريف، أن');
    expect(a.name).toBe('محمد جواد ظريف');
    const [b] = recognizer.recognize('وصل الأمين العام للجامعة العربية نبيل العربي إلى بيروت');
    expect(b.name).toBe('نبيل العربي');
    const [c] = recognizer.recognize('قال الرئيس التونسي محمد الناصر في خطاب');
    expect(c.name).toBe('محمد الناصر');
    // "أل" with hamza is not the article: the name starts here, it is not part of the role.
    const [d] = recognizer.recognize('قال السفير الروسي ألكسندر كينشاك في مؤتمر صحفي');
    expect(d).toMatchObject({ name: 'ألكسندر كينشاك', countryCode: 'RUS' });
  });

  it('merges mentions across the parts of one article, with body offsets', () => {
    const title = 'السفير الفرنسي برنار إيمييه يغادر';
    const paragraph = 'وقال مصدر إن إيمييه سيعود لاحقا.';
    const body = `${title}\n\n${paragraph}`;
    const [person] = recognizer.recognize([
      { text: title, start: 0 },
      { text: paragraph, start: title.length + 2 },
    ]);
    expect(person).toMatchObject({ name: 'برنار إيمييه', countryCode: 'FRA' });
    expect(person.mentions.map((m) => body.slice(m.start, m.end))).toEqual(['برنار إيمييه', 'إيمييه']);
  });

  it('reports no name where the title stands alone', () => {
    expect(recognizer.recognize('قال الرئيس إن البلاد تمر بمرحلة صعبة')).toEqual([]);
    expect(recognizer.recognize('وزير الخارجية في زيارة رسمية')).toEqual([]);
    expect(recognizer.recognize('قال الرئيس الأمريكي إن')).toEqual([]);
    expect(recognizer.recognize('The President said on Monday that talks would resume.')).toEqual([]);
    expect(recognizer.recognize('the king of Jordan met President Biden')).toEqual([]);
  });

  it('never reports a span that overlaps a known entity', () => {
    // "السفير الروسي" + the KB country: no name words are left after the country.
    expect(recognizer.recognize('السفير الروسي لدى الأردن')).toEqual([]);
    expect(recognizer.recognize('King Abdullah of Jordan')).toEqual([]);
  });

  it('reads French titles in French text only, the article left out of the role', () => {
    const text = 'Le ministre Jean Dupont a déclaré mardi que les négociations reprendraient. Dupont a ajouté que Mme Claire Martin serait présente.';
    const people = recognizer.recognize([{ text, start: 0, language: 'fr' }]);
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Jean Dupont', 'ministre'],
      ['Claire Martin', 'Mme'],
    ]);
    expect(people[0].mentions.map((m) => m.text)).toEqual(['Jean Dupont', 'Dupont']);
    for (const m of people[0].mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    // French words are not read in Arabic or English text, nor where the language is unknown.
    expect(recognizer.recognize([{ text, start: 0, language: 'en' }])).toEqual([]);
    expect(recognizer.recognize(text)).toEqual([]);
  });
});

describe(romanizationKey.name, () => {
  it('is a deterministic key, folding Arabic spelling variants and Latin accents', () => {
    expect(romanizationKey('أيمن الصفدي')).toBe('aymn-alsfdy');
    expect(romanizationKey('ايمن الصفدى')).toBe('aymn-alsfdy');
    expect(romanizationKey('António Guterres')).toBe('antonio-guterres');
  });
});

import { GazetteerMatcher } from './gazetteer-matcher';
import { KnowledgeBase } from './knowledge-base';
import { MinistryRecognizer } from './ministry-recognizer';

describe(MinistryRecognizer.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);
  const recognizer = new MinistryRecognizer(kb);
  const recognize = (text: string) => recognizer.recognize([{ text, start: 0, matches: matcher.match(text) }]);
  const ids = (text: string): string[] => recognize(text).map((m) => m.id);

  it('reads "وزارة" + portfolio + demonym, with proclitics, as the country\'s ministry', () => {
    const text = 'قالت وزارة الخارجية الروسية في بيان، ورحبت بوزارة الدفاع الكازاخستانية بالقرار.';
    const found = recognize(text);
    expect(found.map((m) => [m.id, m.name, m.countryCode, m.sectors])).toEqual([
      ['org:rus-foreign-affairs-ministry', 'Ministry of Foreign Affairs of Russia', 'RUS', ['GOV']],
      ['org:kaz-defence-ministry', 'Ministry of Defence of Kazakhstan', 'KAZ', ['GOV', 'MIL']],
    ]);
    expect(found.map((m) => m.mentions[0].text)).toEqual(['وزارة الخارجية الروسية', 'وزارة الدفاع الكازاخستانية']);
    for (const m of found.flatMap((f) => f.mentions)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('takes the bare foreign, defence or interior portfolio with a feminine demonym as the ministry, and one id for both wordings', () => {
    const found = recognize('وقالت الخارجية التركية إن وزارة الخارجية التركية استدعت السفير.');
    expect(found).toHaveLength(1);
    expect(found[0].id).toBe('org:tur-foreign-affairs-ministry');
    expect(found[0].mentions.map((m) => m.text)).toEqual(['الخارجية التركية', 'وزارة الخارجية التركية']);
  });

  it('leaves out adjectives, ministers, and portfolios that need the ministry word', () => {
    expect(ids('أكد أن السياسة الخارجية الروسية لم تتغير')).toEqual([]);
    expect(ids('قال وزير الخارجية الروسي إن')).toEqual([]);
    expect(ids('نقلت وسائل الإعلام اليابانية عن مصدر')).toEqual([]);
    expect(ids('تحدث عن الثقافة الإيرانية')).toEqual([]);
    // Without a country the ministry has no id.
    expect(ids('قالت وزارة الصحة إن عدد الإصابات ارتفع')).toEqual([]);
    // With the ministry word any portfolio counts.
    expect(ids('أعلنت وزارة الصحة المصرية تسجيل إصابات')).toEqual(['org:egy-health-ministry']);
  });

  it('knows ministries by their own names', () => {
    expect(ids('وقال البنتاغون إن')).toEqual(['org:usa-defence-ministry']);
    expect(ids('The State Department and the Pentagon said')).toEqual(['org:usa-foreign-affairs-ministry', 'org:usa-defence-ministry']);
  });

  it('reads English word orders', () => {
    const text = "Russia's Foreign Ministry said the Russian Defence Ministry and the Ministry of Interior of Kazakhstan would meet.";
    const found = recognize(text);
    expect(found.map((m) => [m.id, m.mentions[0].text])).toEqual([
      ['org:rus-foreign-affairs-ministry', "Russia's Foreign Ministry"],
      ['org:rus-defence-ministry', 'Russian Defence Ministry'],
      ['org:kaz-interior-ministry', 'Ministry of Interior of Kazakhstan'],
    ]);
    expect(ids('the Iraqi Ministry of Oil said')).toEqual(['org:irq-oil-ministry']);
    expect(ids('a ministry of defence spokesman')).toEqual([]);
  });

  it('recognises only its own ids', () => {
    expect(MinistryRecognizer.isMinistryId('org:rus-foreign-affairs-ministry')).toBe(true);
    expect(MinistryRecognizer.isMinistryId('org:csto')).toBe(false);
  });
});

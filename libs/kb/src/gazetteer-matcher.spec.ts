import { GazetteerMatch, GazetteerMatcher } from './gazetteer-matcher';
import { KbEntity } from './kb-entity';
import { KnowledgeBase, StopPhrase } from './knowledge-base';

const country = (code: string, name: string, aliases: string[], demonyms: string[] = []): KbEntity => ({
  id: `country:${code}`,
  type: 'country',
  name,
  countryCode: code,
  aliases,
  demonyms,
});

const small = new KnowledgeBase(
  [
    country('RUS', 'Russia', ['روسيا', 'روسيا الاتحادية', 'Russia'], ['روسي', 'روسية', 'Russian']),
    country('BLR', 'Belarus', ['روسيا البيضاء', 'بيلاروسيا']),
    country('USA', 'United States', ['الولايات المتحدة', 'US', 'United States'], ['أمريكية']),
    country('QAT', 'Qatar', ['قطر']),
    country('KAZ', 'Kazakhstan', ['كازاخستان', 'Kazakhstan']),
    country('DEU', 'Germany', ['ألمانيا']),
    country('OMN', 'Oman', ['سلطنة عمان', 'عمان'], ['عماني']),
    country('DZA', 'Algeria', ['الجزائر']),
    country('BFA', 'Burkina Faso', ['بوركينا فاسو']),
    { id: 'org:un', type: 'organization', name: 'United Nations', aliases: ['الأمم المتحدة', 'UN'] },
    { id: 'location:ankara', type: 'location', name: 'Ankara', countryCode: 'TUR', aliases: ['أنقرة'] },
    { id: 'person:tokayev', type: 'person', name: 'Kassym-Jomart Tokayev', aliases: ['قاسم جومارت توكاييف', 'توكايف'] },
  ],
  [{ phrase: 'عمان', why: 'Oman or Amman' } satisfies StopPhrase],
);

const matcher = new GazetteerMatcher(small);
const found = (text: string, m = matcher): Array<[string, string, GazetteerMatch['via']]> =>
  m.match(text).map((x) => [x.entityId, x.text, x.via]);

describe(GazetteerMatcher.name, () => {
  describe('matching mechanics', () => {
    it('reports offsets in the original text and the alias that matched', () => {
      const text = 'قال المتحدث إن روسيا الاتحادية أرسلت قوات';
      expect(matcher.match(text)).toEqual([
        { entityId: 'country:RUS', text: 'روسيا الاتحادية', start: 15, end: 30, matchedAlias: 'روسيا الاتحادية', via: 'exact' },
      ]);
    });

    it('lets the longest match win, without overlaps', () => {
      expect(found('وفد من روسيا البيضاء وروسيا')).toEqual([
        ['country:BLR', 'روسيا البيضاء', 'exact'],
        ['country:RUS', 'روسيا', 'clitic'],
      ]);
    });

    it('never lets a name span a line break, a comma or a quote', () => {
      expect(found('روسيا\nالبيضاء')).toEqual([['country:RUS', 'روسيا', 'exact']]);
      expect(found('روسيا، البيضاء')).toEqual([['country:RUS', 'روسيا', 'exact']]);
    });

    it('peels proclitics and leaves them outside the mention', () => {
      const text = 'وروسيا لكازاخستان بقطر فالأمم المتحدة';
      const matches = matcher.match(text);
      expect(matches.map((m) => [m.entityId, m.text, m.via])).toEqual([
        ['country:RUS', 'روسيا', 'clitic'],
        ['country:KAZ', 'كازاخستان', 'clitic'],
        ['country:QAT', 'قطر', 'clitic'],
        ['org:un', 'الأمم المتحدة', 'clitic'],
      ]);
      for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    });

    it('restores the article that ل elides: للولايات المتحدة', () => {
      expect(found('دعوة للولايات المتحدة وللأمم المتحدة')).toEqual([
        ['country:USA', 'لولايات المتحدة', 'clitic'],
        ['org:un', 'لأمم المتحدة', 'clitic'],
      ]);
    });

    it('matches demonyms with or without the article, names never with it', () => {
      expect(found('القوات الروسية وخبراء روس والقطر العربي ووحدات روسية')).toEqual([
        ['country:RUS', 'الروسية', 'demonym'],
        ['country:RUS', 'روسية', 'demonym'],
      ]);
      expect(found('الخارجية الأمريكية')).toEqual([['country:USA', 'الأمريكية', 'demonym']]);
    });

    it('keeps offsets exact across diacritics and tatweel', () => {
      const text = 'زار وَرُوسْيَا ثم بـكازاخستان';
      const matches = matcher.match(text);
      expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['رُوسْيَا', 'كازاخستان']);
    });

    it('matches Latin case-insensitively on word boundaries, acronyms only in capitals', () => {
      expect(found('Russian troops arrived in KAZAKHSTAN and #kazakhstan')).toEqual([
        ['country:RUS', 'Russian', 'demonym'],
        ['country:KAZ', 'KAZAKHSTAN', 'exact'],
        ['country:KAZ', 'kazakhstan', 'exact'],
      ]);
      expect(found('the US and the UN told us un mot')).toEqual([
        ['country:USA', 'US', 'exact'],
        ['org:un', 'UN', 'exact'],
      ]);
      expect(found('Russians and Russia-led forces; Kazakhstani')).toEqual([['country:RUS', 'Russia', 'exact']]);
    });

    it('reports nothing for a stop phrase, and the name inside it is consumed', () => {
      expect(found('وصل إلى عمان وفد من سلطنة عمان')).toEqual([['country:OMN', 'سلطنة عمان', 'exact']]);
      expect(found('مسؤول عماني')).toEqual([['country:OMN', 'عماني', 'demonym']]);
    });

    it('never matches a short name inside a longer word', () => {
      expect(found('قطرات المطر ومقطرة')).toEqual([]);
    });
  });

  describe('fuzzy key', () => {
    it('finds unlisted transliterations of long names, and says so', () => {
      expect(found('في كازخستان وقاسم جومارت توقايف')).toEqual([
        ['country:KAZ', 'كازخستان', 'fuzzy'],
        ['person:tokayev', 'قاسم جومارت توقايف', 'fuzzy'],
      ]);
      expect(found('من بوركينافاسو')).toEqual([['country:BFA', 'بوركينافاسو', 'fuzzy']]);
    });

    it('leaves short names to their listed spellings: توقيف (arrest) is not توكايف', () => {
      expect(found('أمر توقيف')).toEqual([]);
    });

    it('never spreads a one-word name over several words: أن كرة is not أنقرة', () => {
      expect(found('أن كرة القدم')).toEqual([]);
    });

    it('needs the hamza of a name that starts like the article: المنيا is not ألمانيا', () => {
      expect(found('محافظة المنيا والمنايا')).toEqual([]);
      expect(found('زار ألمانييا')).toEqual([['country:DEU', 'ألمانييا', 'fuzzy']]);
    });

    it('is never used for names written with the article', () => {
      expect(found('قناة الجزيرة')).toEqual([]);
    });
  });

  describe('with the bundled knowledge base', () => {
    const bundled = new GazetteerMatcher(KnowledgeBase.bundled());
    const ids = (text: string): string[] => bundled.match(text).map((m) => m.entityId);

    it('resolves spelling variants to one id', () => {
      const variants: Record<string, string[]> = {
        'country:KAZ': ['كازاخستان', 'قازاخستان', 'الكازاخستانية', 'الكازاخية', 'Kazakhstan'],
        'country:KGZ': ['قيرغيزستان', 'قرغيزستان'],
        'country:BLR': ['بيلاروس', 'بيلاروسيا', 'روسيا البيضاء'],
        'country:TJK': ['طاجيكستان', 'طاجكستان'],
        'country:RUS': ['روسيا', 'الروسي', 'الروسية', 'الروس', 'Russian'],
        'country:USA': ['الولايات المتحدة', 'الأمريكية', 'الأميركية', 'الأمريكي', 'أمريكا', 'U.S.', 'American'],
        'country:ARM': ['أرمينيا', 'الأرميني'],
        'location:almaty': ['ألما آتا', 'ألماتي', 'ألما أتا', 'ألما اتا', 'Almaty'],
        'person:kassym-jomart-tokayev': ['قاسم جومارت توكايف', 'قاسم جومارت توكاييف', 'قاسم جومارت توقاييف', 'توكاييف'],
        'person:michelle-bachelet': ['ميشيل باشليه', 'باشيليه'],
        'org:csto': ['منظمة معاهدة الأمن الجماعي', 'منظمة الأمن الجماعي', 'قوات الأمن الجماعي', 'CSTO'],
      };
      for (const [id, forms] of Object.entries(variants)) {
        for (const form of forms) expect([form, ids(form)]).toEqual([form, [id]]);
      }
    });

    it('finds countries in English text', () => {
      expect(ids('Russian troops arrived in Kazakhstan on Thursday, the U.S. said.')).toEqual(['country:RUS', 'country:KAZ', 'country:USA']);
      expect(ids('The WHO and NATO met in Brussels; who knows.')).toEqual(['org:who', 'org:nato', 'location:brussels']);
    });

    it('peels proclitics off every kind of name', () => {
      const text = 'وروسيا لكازاخستان بموسكو والولايات المتحدة';
      expect(bundled.match(text).map((m) => [m.entityId, m.text, m.via])).toEqual([
        ['country:RUS', 'روسيا', 'clitic'],
        ['country:KAZ', 'كازاخستان', 'clitic'],
        ['location:moscow', 'موسكو', 'clitic'],
        ['country:USA', 'الولايات المتحدة', 'clitic'],
      ]);
    });

    it('treats capitals as places, not countries', () => {
      expect(ids('قالت واشنطن وموسكو')).toEqual(['location:washington', 'location:moscow']);
    });

    it('applies the documented policy to words that are names and common words', () => {
      expect(ids('مصر والمصريون')).toEqual(['country:EGY', 'country:EGY']);
      expect(ids('مصرف مصرع')).toEqual([]);
      // Bare عمان is Oman or Amman: nothing; the unambiguous forms resolve.
      expect(ids('وصل الوفد إلى عمان')).toEqual([]);
      expect(ids('سلطنة عمان والجانب العماني')).toEqual(['country:OMN', 'country:OMN']);
      expect(ids('in Amman')).toEqual(['location:amman']);
      // تركي is also a given name: only تركيا and the definite or feminine adjective name Turkey.
      expect(ids('الأمير تركي الفيصل')).toEqual([]);
      expect(ids('تركيا والجيش التركي والحكومة التركية')).toEqual(['country:TUR', 'country:TUR', 'country:TUR']);
      expect(ids('دعم مالي والوضع المالي')).toEqual([]);
      expect(ids('جمهورية مالي')).toEqual(['country:MLI']);
      expect(ids('بعد صلاة المغرب')).toEqual([]);
      expect(ids('المغرب والجزائر')).toEqual(['country:MAR', 'country:DZA']);
      expect(ids('اليد اليمنى والحكومة اليمنية')).toEqual(['country:YEM']);
      expect(ids('مجلس الأمن في كازاخستان ومجلس الأمن الدولي')).toEqual(['country:KAZ', 'org:un-security-council']);
      expect(ids('القطر العربي السوري')).toEqual(['country:SYR']);
    });

    it('never matches a short name inside another word', () => {
      expect(ids('بيروت')).toEqual(['location:beirut']);
      expect(ids('الهندسة والهندوس')).toEqual([]);
      expect(ids('الأمني والأمنية وتوقيف')).toEqual([]);
      expect(ids('Turkeys and Chadwick')).toEqual([]);
    });
  });
});

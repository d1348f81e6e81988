import { Quote, extractQuotes } from './quote-extractor';

function one(text: string): Quote {
  const quotes = extractQuotes(text);
  expect(quotes).toHaveLength(1);
  const [quote] = quotes;
  expect(text.slice(quote!.start, quote!.end)).toBe(quote!.text);
  if (quote!.speaker !== null) expect(text.slice(quote!.speakerStart!, quote!.speakerEnd!)).toBe(quote!.speaker);
  return quote!;
}

describe(extractQuotes.name, () => {
  describe('seed sentences', () => {
    it('the speaker after the reporting verb, up to the preposition: "وقال شويغو خلال مؤتمر عبر الفيديو:"', () => {
      const text =
        'وقال شويغو خلال مؤتمر عبر الفيديو:"سيتم تنفيذ المهام من قبل قوات حفظ السلام الجماعية حتى يستقر الوضع في جمهورية كازاخستان بشكل كامل".';
      expect(one(text)).toMatchObject({
        speaker: 'شويغو',
        cue: 'وقال',
        text: 'سيتم تنفيذ المهام من قبل قوات حفظ السلام الجماعية حتى يستقر الوضع في جمهورية كازاخستان بشكل كامل',
      });
    });

    it('a reporting verb with no subject goes on with the previous speaker', () => {
      const text = [
        'وأضاف شويغو: "في الوقت الحاضر، تقوم قوات حفظ السلام بمهام حماية المنشآت المهمة".',
        'وتابع: " في وقت قصير - في غضون ثلاثة أيام فقط - نقلت طائرات القوات الجوية الروسية الأفراد والمعدات".',
      ].join('\n\n');
      const quotes = extractQuotes(text);
      expect(quotes.map((q) => [q.speaker, q.cue])).toEqual([
        ['شويغو', 'وأضاف'],
        ['شويغو', 'وتابع'],
      ]);
      expect(quotes[1]!.speakerStart).toBe(quotes[0]!.speakerStart);
    });

    it('the source after the quote: "..."، حسب بيان الأمانة العامة', () => {
      const text =
        '"ستتمثل المهام الرئيسية لقوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي في حماية المنشآت الحكومية والعسكرية المهمة"، حسب بيان الأمانة العامة.';
      expect(one(text)).toMatchObject({ speaker: 'الأمانة العامة', cue: 'حسب بيان' });
    });

    it('the speaker between "عن" and "قولها"', () => {
      const text = 'ونقلت وسائل إعلام محلية عن وزارة الصحة الكازاخية قولها إنّ "أكثر من ألف شخص في مناطق مختلفة من كازاخستان أصيبوا بجروح".';
      expect(one(text)).toMatchObject({ speaker: 'وزارة الصحة الكازاخية', cue: 'قولها' });
    });

    it('the name after the title when the subject has an apposition', () => {
      const text = 'وقال الرئيس الكازاخستاني، قاسم جومارت توكاييف، إنّ "عصابات إرهابية دولية تلقّت تدريباً في الخارج"';
      expect(one(text)).toMatchObject({ speaker: 'قاسم جومارت توكاييف', cue: 'وقال' });
    });

    it('a subject written before the verb: "كان X قد أعلن" and "أما X فدعا"', () => {
      expect(one('وكان رئيس الوزراء الأرميني نيكول باشينيان قد أعلن، أنه "تجاوباً مع نداء رئيس كازاخستان، قرر إرسال قوات".').speaker).toBe(
        'رئيس الوزراء الأرميني نيكول باشينيان',
      );
      expect(one('أما الاتحاد الأوروبي فدعا "جميع الأطراف في كازاخستان إلى ضبط النفس".').speaker).toBe('الاتحاد الأوروبي');
    });

    it('a participle names nobody: the verb before it does ("وتابع برايس قائلا إن ...")', () => {
      const text = 'وتابع برايس قائلا إن واشنطن ستراقب الوضع و"أي أفعال قد تمهد الطريق للسيطرة على المؤسسات" في قازاخستان.';
      expect(one(text)).toMatchObject({ speaker: 'برايس', cue: 'وتابع' });
    });

    it('scare quotes of up to three words are not quotes', () => {
      const text =
        'دعت الولايات المتحدة السلطات إلى "ضبط النفس"، معربة عن أملها في أن تجري "بطريقة سلمية" التظاهرات. وكتب باشينيان على صفحته في "فيسبوك": "فيما يتعلق بنداء رئيس جمهورية كازاخستان".';
      expect(one(text)).toMatchObject({ speaker: 'باشينيان', cue: 'وكتب', text: 'فيما يتعلق بنداء رئيس جمهورية كازاخستان' });
    });
  });

  describe('quotation marks', () => {
    it('pairs guillemets, with a speaker after the quote', () => {
      expect(one('«سنواصل العمل على حماية المدنيين في كل مكان»، قال المتحدث باسم الجيش.')).toMatchObject({
        text: 'سنواصل العمل على حماية المدنيين في كل مكان',
        speaker: 'المتحدث باسم الجيش',
        cue: 'قال',
      });
    });

    it('keeps the outer quote when quotes nest', () => {
      const quote = one('وقال الوزير: «نرفض ما وصفه بـ"التدخل السافر في شؤوننا الداخلية" ونطالب بالاعتذار».');
      expect(quote.text).toBe('نرفض ما وصفه بـ"التدخل السافر في شؤوننا الداخلية" ونطالب بالاعتذار');
      expect(quote.speaker).toBe('الوزير');
    });

    it('pairs a lone ” used both ways, and does not pair across paragraphs', () => {
      expect(one('وقالت الوزارة إن ”الوضع تحت السيطرة الكاملة في العاصمة”.').text).toBe('الوضع تحت السيطرة الكاملة في العاصمة');
      expect(extractQuotes('قال "بداية بلا نهاية\nونهاية" هنا')).toEqual([]);
    });

    it('gives a quote with no reporting word nearby no speaker', () => {
      expect(one('"هذه الأرض لنا ولن نتركها أبدا" عبارة رفعها المحتجون')).toMatchObject({ speaker: null, cue: null });
    });
  });

  describe('English', () => {
    it.each([
      ['"We will not back down from this fight," Psaki said on Thursday.', 'Psaki'],
      ['White House spokeswoman Jen Psaki said: "The claims are false and absurd."', 'White House spokeswoman Jen Psaki'],
      ['"The situation is under control now," said Interior Minister Erlan Turgumbayev.', 'Interior Minister Erlan Turgumbayev'],
      ['“We are monitoring the deployment very closely,” Ned Price told reporters.', 'Ned Price'],
    ])('%s', (text, speaker) => {
      expect(one(text).speaker).toBe(speaker);
    });

    it('leaves a pronoun speaker unnamed', () => {
      expect(one('"We are ready to help in any way we can," he said.').speaker).toBeNull();
    });
  });
});

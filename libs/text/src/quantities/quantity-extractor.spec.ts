import { Quantity, extractQuantities } from './quantity-extractor';

function one(text: string): Quantity {
  const found = extractQuantities(text);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe(extractQuantities.name, () => {
  describe('seed sentences', () => {
    it('peacekeepers counted before the number: "عدد قوات حفظ السلام سيبلغ حوالي 2500"', () => {
      const text = 'ونقلت وكالة الإعلام الروسية عن أمانة المنظمة قولها إن إجمالي عدد قوات حفظ السلام سيبلغ حوالي 2500 ويمكن تعزيزها إذا لزم الأمر.';
      expect(one(text)).toEqual({
        value: 2500,
        approximate: true,
        qualifier: 'about',
        category: 'peacekeepers',
        text: 'حوالي 2500',
        start: text.indexOf('حوالي'),
        end: text.indexOf('2500') + 4,
        unitText: null,
      });
    });

    it('the injured, hospitalized and intensive-care counts of one sentence, the verb after the subject', () => {
      const text =
        'ونقلت وسائل إعلام محلية عن وزارة الصحة الكازاخية قولها إنّ "أكثر من ألف شخص في مناطق مختلفة من كازاخستان أصيبوا بجروح نتيجة أعمال الشغب، منهم 400 نقلوا إلى المستشفى، و62 في العناية المركزة".';
      const found = extractQuantities(text);
      expect(found.map((q) => [q.value, q.category, q.qualifier, q.approximate])).toEqual([
        [1000, 'injured', 'more-than', true],
        [400, 'hospitalized', null, false],
        [62, 'intensive-care', null, false],
      ]);
      expect(found[0]).toMatchObject({ text: 'أكثر من ألف شخص', unitText: 'شخص' });
      for (const q of found) expect(text.slice(q.start, q.end)).toBe(q.text);
    });

    it('vague counts with the event named before them', () => {
      const text =
        'وذكرت وزارة الصحة الكازاخية أنّ أكثر من ألف شخص في كازاخستان أصيبوا وتضرروا من أعمال الشغب التي نشبت مؤخراً، وتم نقل عدة مئات إلى المستشفيات، فيما يرقد العشرات منهم في العناية المركزة.';
      const found = extractQuantities(text);
      expect(found.map((q) => [q.value, q.category, q.vague ?? null])).toEqual([
        [1000, 'injured', null],
        [100, 'hospitalized', 'hundreds'],
        [10, 'intensive-care', 'tens'],
      ]);
      expect(found[2]!.approximate).toBe(true);
    });

    it('"قتل عشرات المتظاهرين" counts the killed, approximately, as tens', () => {
      expect(one('حيث قتل عشرات المتظاهرين بيد الشرطة، ليل الأربعاء الخميس.')).toMatchObject({
        value: 10,
        approximate: true,
        vague: 'tens',
        category: 'killed',
        unitText: 'المتظاهرين',
      });
    });

    it('vehicles: "نحو 50 مركبة"', () => {
      expect(one('ويأتي ذلك فيما نشرت السلطات نحو 50 مركبة من بينها ناقلات جند مدرعة')).toMatchObject({
        value: 50,
        qualifier: 'about',
        category: 'vehicles',
        text: 'نحو 50 مركبة',
        unitText: 'مركبة',
      });
    });

    it('days: number words, duals, and "more than" turned into a bound by a negation', () => {
      expect(one('في وقت قصير - في غضون ثلاثة أيام فقط - نقلت طائرات')).toMatchObject({ value: 3, category: 'days', text: 'ثلاثة أيام' });
      expect(one('وخلال يومين سيبدأ الانسحاب التدريجي')).toMatchObject({ value: 2, category: 'days', text: 'يومين' });
      expect(one('وأن عملية انسحاب القوات لن تستغرق أكثر من 10 أيام.')).toMatchObject({
        value: 10,
        category: 'days',
        qualifier: 'at-most',
        approximate: true,
      });
    });

    it('"إصابة المئات": the word heading a vague count names the event', () => {
      expect(one('أعلنت عن مقتل عناصر من قوات الأمن وإصابة المئات جراء موجة الاضطرابات')).toMatchObject({
        value: 100,
        category: 'injured',
        text: 'المئات',
      });
    });

    it('years, founding dates and date ranges are not quantities', () => {
      const text =
        'حلف سياسي عسكري انبثق في الـ ـ7 من تشرين الأول/أكتوبر 2002 عن معاهدة الأمن الجماعي المبرمة في الـ17 من أيار/ مايو 1992، وحالة الطوارئ من 5 إلى 19 كانون الثاني/يناير الحالي.';
      expect(extractQuantities(text)).toEqual([]);
    });

    it('numbers in links, handles and embedded-post dates are not quantities', () => {
      const text = '— RT (@RT_com) January 6, 2022\nFollow us on Telegram https://t.co/8u9sqgdo0n pic.twitter.com/F8mgwp7ud9';
      expect(extractQuantities(text)).toEqual([]);
    });
  });

  describe('qualifiers', () => {
    it.each([
      ['قتل زهاء 30 شخصا', 'about'],
      ['قتل قرابة 30 شخصا', 'about'],
      ['قتل ما يقارب 30 شخصا', 'about'],
      ['قتل ما يزيد عن 30 شخصا', 'more-than'],
      ['قتل أقل من 30 شخصا', 'less-than'],
      ['قتل ما لا يقل عن 30 شخصا', 'at-least'],
      ['قتل 30 شخصا على الأقل', 'at-least'],
      ['بعدد لا يتجاوز 30 شخصا', 'at-most'],
      ['تستوعب حتى 30 شخصا', 'up-to'],
      ['about 30 people were killed', 'about'],
      ['more than 30 people were killed', 'more-than'],
      ['at least 30 people were killed', 'at-least'],
      ['no more than 30 people', 'at-most'],
      ['up to 30 people', 'up-to'],
    ])('%s → %s', (text, qualifier) => {
      expect(one(text)).toMatchObject({ value: 30, qualifier, approximate: true });
    });
  });

  describe('categories', () => {
    it.each([
      ['أسفر الهجوم عن 12 قتيلا', 'killed', 'قتيلا'],
      ['لقي 5 أشخاص حتفهم في الحادث', 'killed', 'أشخاص'],
      ['مقتل 15 شخصا في الهجوم', 'killed', 'شخصا'],
      ['أصيب 11 آخرون في حوادث سير', 'injured', null],
      ['وسقط 20 جريحا', 'injured', 'جريحا'],
      ['اعتقال 20 متظاهرا في العاصمة', 'arrested', 'متظاهرا'],
      ['نزوح 3000 شخص من المدينة', 'displaced', 'شخص'],
      ['تظاهر آلاف المحتجين في الساحة', 'protesters', 'المحتجين'],
      ['نشرت روسيا 3000 جندي', 'troops', 'جندي'],
      ['أرسلت 3000 جندي من قوات حفظ السلام', 'peacekeepers', 'جندي'],
      ['حلقت 4 طائرات فوق المدينة', 'aircraft', 'طائرات'],
      ['لمدة 48 ساعة', 'hours', 'ساعة'],
      ['بعد 3 أسابيع', 'weeks', 'أسابيع'],
      ['منذ 6 أشهر', 'months', 'أشهر'],
      ['قضى 30 عاما في السجن', 'years', 'عاما'],
      ['بلغت قيمة الصفقة 2.5 مليون دولار', 'money', 'دولار'],
      ['ارتفع المؤشر بنسبة 3.5%', 'percent', '%'],
      ['بنسبة 40 في المئة', 'percent', 'في المئة'],
      ['ألغت الشركة 200 رحلة', 'other', 'رحلة'],
      ['ضبط 5000 حبة مخدرة', 'other', 'حبة'],
      ['Police said 12 protesters were killed', 'killed', 'protesters'],
      ['50 armored vehicles entered the city', 'vehicles', 'vehicles'],
      ['hundreds of people were injured', 'injured', 'people'],
      ['the $5 million deal', 'money', '$'],
    ])('%s → %s', (text, category, unitText) => {
      expect(one(text)).toMatchObject({ category, unitText });
    });

    it('"قتل ثلاثة أشخاص وإصابة رابع": a cue after و belongs to the next part', () => {
      expect(one('أقدم شاب على قتل ثلاثة أشخاص وإصابة رابع')).toMatchObject({ value: 3, category: 'killed' });
    });

    it('a count with "من" before its noun, and the English "dozens of"', () => {
      expect(one('قتل ثلاثة من الجنود')).toMatchObject({ value: 3, category: 'killed', unitText: 'الجنود' });
      expect(one('dozens of protesters gathered')).toMatchObject({ value: 12, vague: 'dozens', category: 'protesters' });
    });
  });

  describe('numbers that are not counts', () => {
    it.each([
      ['قرار مجلس الوزراء رقم (200) وتاريخ'],
      ['وفق المادة 5 من النظام'],
      ['في الساعة 10:30 صباحا'],
      ['وصلت الطائرة الساعة 5 مساء'],
      ['للاستفسار 0501234567'],
      ['اتصل على 920000890'],
      ['طائرات F-16 الأمريكية'],
      ['جائحة كوفيد-19 العالمية'],
      ['فاز الفريق 3-1 على منافسه'],
      ['#الميادين2022'],
      ['في عام 2015 بدأ'],
      ['تأسست الشركة 1992 في'],
      ['1 - حادث استهداف المصلين'],
      ['كل واحد منهم'],
      ['one of them said'],
    ])('%s', (text) => {
      expect(extractQuantities(text)).toEqual([]);
    });

    it('a year-like number with a counted noun is a count', () => {
      expect(one('نشرت 2000 جندي')).toMatchObject({ value: 2000, category: 'troops' });
    });
  });

  it('gives an unknown counted thing "other" and names it, never a guessed category', () => {
    expect(one('وزعت الجمعية 700 وجبة')).toMatchObject({ value: 700, category: 'other', unitText: 'وجبة' });
  });
});

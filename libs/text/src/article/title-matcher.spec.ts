import { couldBeNearTitle, isNearTitle, titleKey } from './title-matcher';

describe(titleKey.name, () => {
  it('ignores punctuation, quotes and Arabic spelling variants', () => {
    expect(titleKey('وزير الخارجية: المحادثات "إيجابية"!')).toBe(titleKey('وزير الخارجيه المحادثات ايجابيه'));
  });
});

describe(isNearTitle.name, () => {
  const title = titleKey('شويغو: تنتهي مهمة قوات الأمن الجماعي في كازاخستان بعد استقرار الوضع تمامًا');

  it('matches the same headline and one with a short suffix', () => {
    expect(isNearTitle(titleKey('شويغو : تنتهي مهمة قوات الأمن الجماعي في كازاخستان بعد استقرار الوضع تماما'), title)).toBe(true);
    expect(isNearTitle(titleKey('شويغو: تنتهي مهمة قوات الأمن الجماعي في كازاخستان بعد استقرار الوضع تمامًا - RT'), title)).toBe(true);
  });

  it('does not match a different or much shorter line', () => {
    expect(isNearTitle(titleKey('شويغو'), title)).toBe(false);
    expect(isNearTitle(titleKey('قوات الأمن الجماعي تبدأ الانسحاب من كازاخستان'), title)).toBe(false);
    expect(isNearTitle('', title)).toBe(false);
  });
});

describe(couldBeNearTitle.name, () => {
  it('bounds the lengths worth comparing', () => {
    expect(couldBeNearTitle(100, 100)).toBe(true);
    expect(couldBeNearTitle(20, 100)).toBe(false);
    expect(couldBeNearTitle(300, 100)).toBe(false);
  });
});

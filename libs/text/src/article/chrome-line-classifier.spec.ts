import { normalizeForMatching } from '../normalize/arabic-normalizer';
import {
  ChromeLine,
  classifyChromeLine,
  countWords,
  creditPrefixLength,
  isCommentsHeading,
  isDashedCredit,
  isMastheadRole,
  relatedHeading,
} from './chrome-line-classifier';

function line(text: string): ChromeLine {
  const words = countWords(text);
  return { text, words, key: words <= 15 ? normalizeForMatching(text) : '' };
}

describe(classifyChromeLine.name, () => {
  it.each([
    ['***', 'empty'],
    ['. . .', 'empty'],
    ['(يتبع)', 'continuation-marker'],
    ['...المزيد', 'continuation-marker'],
    ['(Continued)', 'continuation-marker'],
    ['نسخ الرابط https://example.com/a/1', 'share-link'],
    ['شارك عبر', 'share-link'],
    ['فيسبوك تويتر واتساب', 'share-link'],
    ['https://example.com/story/123', 'share-link'],
    ['Next Previous', 'share-link'],
    ['حمّل تطبيق الجريدة على هاتفك', 'app-promo'],
    ['تابعونا على قناتنا في تيليجرام', 'app-promo'],
    ['Download our app for breaking news', 'app-promo'],
    ['يستخدم هذا الموقع ملفات تعريف الإرتباط لتحسين تجربتك', 'cookie-notice'],
    ['We use cookies to personalise content', 'cookie-notice'],
    ['أوافق', 'cookie-notice'],
    ['صورة أرشيفية', 'image-caption'],
    ['(أرشيفية)', 'image-caption'],
    ['تصوير: فلان الفلاني', 'image-caption'],
    ['جانب من الاجتماع', 'image-caption'],
    ['Photo: AFP', 'image-caption'],
    ['المصدر : وكالات', 'source-line'],
    ['Source: Reuters', 'source-line'],
    ['(رويترز)', 'source-line'],
    ['* خدمة «واشنطن بوست»', 'source-line'],
    ['رئيسة التحرير', 'site-header'],
    ['رئيس التحرير: محمد أحمد', 'site-header'],
    ['Editor-in-Chief', 'site-header'],
    ['جميع الحقوق محفوظة لموقع الأخبار 2022', 'site-header'],
    ['كتب: أحمد علي', 'byline'],
    ['بقلم : سارة محمود', 'byline'],
    ['By John Smith', 'byline'],
    ['writer@example.com', 'byline'],
    ['@some_writer', 'byline'],
    ['للتواصل مع الكاتب ارسل رسالة SMS', 'byline'],
    ['الأحد 10 شوال 1436', 'date-line'],
    ['التاريخ : 9 / 10 / 1436هـ', 'date-line'],
    ['6 كانون الثاني 2022', 'date-line'],
    ['Thursday, January 6, 2022 10:30 AM', 'date-line'],
    ['Updated 2 hours ago', 'date-line'],
    ['منذ 3 ساعات', 'date-line'],
    ['آخر تحديث: 06-01-2022 14:05', 'date-line'],
  ])('%j is %s', (text, reason) => {
    expect(classifyChromeLine(line(text))).toBe(reason);
  });

  it.each([
    'أرسلت منظمة معاهدة الأمن الجماعي بقيادة روسيا، اليوم الخميس، قوات حفظ سلام إلى كازاخستان.',
    'وقال رئيس التحرير إن الصحيفة ستواصل تغطية الأحداث.',
    'شارك الرئيس في افتتاح المؤتمر',
    'تابع الوزير سير العمل في المشروع',
    'العالم',
    '2',
    'Russian peacekeepers depart for #Kazakhstan',
    '— RT (@RT_com) January 6, 2022',
    'خلّ السما بـ أرواحنا',
    'The minister said the talks would resume on Monday.',
    'التالي نص البيان كما ورد:',
    'Nextel announces quarterly results',
  ])('leaves %j to the reader', (text) => {
    expect(classifyChromeLine(line(text))).toBeNull();
  });

  it('sees through a pager glued before a byline', () => {
    expect(classifyChromeLine(line('Next Previous كتب: أحمد علي'))).toBe('byline');
  });
});

describe(isDashedCredit.name, () => {
  it.each(['عين اليوم – متابعات', 'أحمد البشيري – الباحة', 'عوض الفهمي- سبق- أضم:', 'الرياضي ـ جدة', 'Next Previous عين اليوم – الرياض (تصوير: صالح)'])(
    'takes %j for a credit',
    (text) => expect(isDashedCredit(line(text))).toBe(true),
  );

  it.each(['ألما-آتا', 'خلّ السما بـ أرواحنا', 'النتيجة 2 - 1', 'قال الوزير - في تصريح صحفي أمس - إن الاتفاق قريب جدا من التوقيع النهائي'])(
    'does not take %j for a credit',
    (text) => expect(isDashedCredit(line(text))).toBe(false),
  );
});

describe(isMastheadRole.name, () => {
  it('knows a role standing alone from a role with its holder', () => {
    expect(isMastheadRole(line('رئيس مجلسى الإدارة والتحرير'))).toBe(true);
    expect(isMastheadRole(line('رئيس التحرير: محمد أحمد'))).toBe(false);
  });
});

describe(isCommentsHeading.name, () => {
  it.each(['عزيزي القارئ', 'أفكارك وتعليقاتك', 'التعليقات', '12 تعليقا', 'Leave a Reply', '3 Comments'])('%j opens a comment box', (text) => {
    expect(isCommentsHeading(line(text))).toBe(true);
  });

  it('is not fooled by prose about comments', () => {
    expect(isCommentsHeading(line('وأثارت التعليقات على مواقع التواصل جدلا واسعا'))).toBe(false);
  });
});

describe(relatedHeading.name, () => {
  it('tells a list heading from a heading with its one linked headline', () => {
    expect(relatedHeading(line('موضوعات ذات صلة'))).toBe('heading');
    expect(relatedHeading(line('إقرأ أيضاً:'))).toBe('heading');
    expect(relatedHeading(line('Related Articles'))).toBe('heading');
    expect(relatedHeading(line('اقرأ أيضا: ارتفاع أسعار النفط في ختام التعاملات'))).toBe('inline');
    expect(relatedHeading(line('اقرأ أيضا ما كتبه الوزير في مقاله الأخير عن الاقتصاد.'))).toBeNull();
  });
});

describe(creditPrefixLength.name, () => {
  function strip(text: string): string {
    return text.slice(creditPrefixLength(text)).trimStart();
  }

  it('drops a wire credit run into the first word', () => {
    expect(strip('وكالات موقع السلطةقال نيد برايس، المتحدث باسم وزارة الخارجية الأمريكية، إن الولايات المتحدة تتابع.')).toMatch(/^قال نيد برايس/);
  });

  it('drops dashed and wire datelines', () => {
    expect(strip('واس- باريس: نجحت الشرطة الفرنسية، اليوم الاثنين، في اقتحام مركز تجاري بإحدى ضواحي باريس.')).toMatch(/^نجحت الشرطة/);
    expect(strip('عوض الفهمي- سبق- أضم: أعلنت جمعية البر الخيرية بمركز ربوع العين تأجيل الزواج الجماعي.')).toMatch(/^أعلنت جمعية/);
    expect(strip('LONDON (Reuters) - Britain said on Monday it would send more aid to the region.')).toMatch(/^Britain said/);
    expect(strip('القاهرة (رويترز) - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.')).toMatch(/^قال مسؤولون/);
  });

  it('keeps sentences whose start cannot safely be told from a credit', () => {
    for (const text of [
      'وكالة الأنباء الروسية قالت إن إجمالي عدد القوات سيبلغ حوالي 2500.',
      'وأضاف شويغو: "في الوقت الحاضر، تقوم قوات حفظ السلام بمهام حماية المنشآت".',
      '( أردو بوینت نتورك ۔ / سبوتنيك - 11 كانون الثاني 2022ء) أعلن وزير الدفاع الروسي.',
      'واس- باريس: نجحت الشرطة.',
    ]) {
      expect(creditPrefixLength(text)).toBe(0);
    }
  });
});

import { normalizeForMatching } from '../normalize/arabic-normalizer';
import { ChromeLine, countWords } from './chrome-line-classifier';
import { isBulletedHeadline, isHeadlineLike, isListItemLike, isNameLike, isParagraphLike, isSectionLabelLike } from './line-shape-heuristics';

function line(text: string): ChromeLine {
  return { text, words: countWords(text), key: normalizeForMatching(text) };
}

describe(isParagraphLike.name, () => {
  it('takes sentences ending in a full stop, and anything very long, for prose', () => {
    expect(isParagraphLike(line('وتشارك قوات من أرمينيا وبيلاروسيا وقرغيزستان وطاجكستان في مهمة حفظ السلام.'))).toBe(true);
    expect(isParagraphLike(line('وأكد أن "الوضع تحت السيطرة".'))).toBe(true);
    expect(isParagraphLike(line(Array(45).fill('كلمة').join(' ')))).toBe(true);
  });

  it('does not take headlines, ellipses or short lines for prose', () => {
    expect(isParagraphLike(line('طلائع قوات منظمة الأمن الجماعي تصل إلى كازاخستان'))).toBe(false);
    expect(isParagraphLike(line('الحرب في ليبيا.. و«الصراع» في تونس..'))).toBe(false);
    expect(isParagraphLike(line('انتهى.'))).toBe(false);
  });
});

describe(isHeadlineLike.name, () => {
  it.each([
    'شويغو: تنتهي مهمة قوات الأمن الجماعي في كازاخستان بعد استقرار الوضع تمامًا',
    'Peacekeepers arrive in Kazakhstan as unrest spreads',
    'هل تنجح روسيا في تهدئة كازاخستان؟',
  ])('%j is a headline', (text) => expect(isHeadlineLike(line(text))).toBe(true));

  it.each([
    'العالم',
    'أخبار روسيا',
    'وقال شويغو خلال مؤتمر عبر الفيديو:',
    'قالت الوزارة إن الأحداث محاولة لزعزعة الاستقرار.',
    'وصل الوفد، والتقى الوزير، ثم غادر إلى العاصمة مساء أمس',
    'يدون الدكتور انبهاره بما شاهد. ويتساءل كيف يمكن ذلك',
    '- دلتا إيرلاينز الأمريكية تلغى 200 رحلة بسبب أوميكرون',
  ])('%j is not a headline', (text) => expect(isHeadlineLike(line(text))).toBe(false));
});

describe(isSectionLabelLike.name, () => {
  it('takes short unpunctuated names and breadcrumbs for labels', () => {
    expect(isSectionLabelLike(line('العالم'))).toBe(true);
    expect(isSectionLabelLike(line('أخبار روسيا'))).toBe(true);
    expect(isSectionLabelLike(line('الرئيسية > العالم > آسيا'))).toBe(true);
    expect(isSectionLabelLike(line('Home / World / Asia'))).toBe(true);
  });

  it('does not take numbers, sentences or longer lines for labels', () => {
    expect(isSectionLabelLike(line('2022'))).toBe(false);
    expect(isSectionLabelLike(line('قال الوزير.'))).toBe(false);
    expect(isSectionLabelLike(line('قوات حفظ السلام تصل إلى كازاخستان'))).toBe(false);
  });
});

describe(isNameLike.name, () => {
  it('takes a bare name for a name and a phrase with punctuation for none', () => {
    expect(isNameLike(line('داليا عبدالرحيم'))).toBe(true);
    expect(isNameLike(line('قال: نعم'))).toBe(false);
    expect(isNameLike(line('منظمة معاهدة الأمن الجماعي بقيادة روسيا'))).toBe(false);
  });
});

describe(isListItemLike.name, () => {
  it('takes short unfinished lines for list entries', () => {
    expect(isListItemLike(line('قوات روسية في كازاخستان لهذا السبب'))).toBe(true);
    expect(isListItemLike(line('وفي سياق متصل ،حثت المفوضة السامية لحقوق الإنسان كل الأطراف على البحث عن حل سلمي.'))).toBe(false);
  });
});

describe(isBulletedHeadline.name, () => {
  it('takes a bulleted headline for a link and bulleted content for content', () => {
    expect(isBulletedHeadline(line('- سامح شكري يبحث مع نظيره الإسباني أوضاع الاستقرار في المنطقة'))).toBe(true);
    expect(isBulletedHeadline(line('* الحقائب البلاستيكية'))).toBe(false);
    expect(isBulletedHeadline(line('* اتباع نظام غذائي صحي غني بالخضار والفواكه.'))).toBe(false);
    expect(isBulletedHeadline(line('* ما أسباب ضعف الأداء لدى الفريق هذا الموسم؟'))).toBe(false);
    expect(isBulletedHeadline(line('* المجموعة الأولى: هولندا.. فرنسا.. السويد.. بلغاريا'))).toBe(false);
  });
});

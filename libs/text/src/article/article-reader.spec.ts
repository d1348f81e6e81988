import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keptText, readArticle, ReadArticle } from './article-reader';

const SEEDS = join(__dirname, '../../../../seeds');

function seed(id: string): ReadArticle {
  return readArticle({ body: readFileSync(join(SEEDS, `${id}.txt`), 'utf8') });
}

function removedText(article: ReadArticle, reason?: string): string[] {
  return article.removed.filter((r) => reason === undefined || r.reason === reason).map((r) => article.source.slice(r.start, r.end));
}

function paragraphs(article: ReadArticle): string[] {
  return article.segments.filter((s) => s.kind === 'paragraph').map((s) => article.source.slice(s.start, s.end));
}

/** Spans are trimmed, inside the source, in order, and kept and removed text never overlap. */
function expectConsistentSpans(article: ReadArticle): void {
  const spans = [...article.segments, ...article.removed].sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(article.source.length);
    const text = article.source.slice(span.start, span.end);
    expect(text).toBe(text.trim());
    previousEnd = span.end;
  }
  const kept = article.segments.map((s) => s.start);
  expect(kept).toEqual([...kept].sort((a, b) => a - b));
}

describe(readArticle.name, () => {
  // Gold titles of the hand-annotated seeds (eval/seeds.gold.json).
  it.each([
    ['000_bad8e802af1c2755', 'منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان'],
    ['001_92923d39de616abf', 'شويغو: تنتهي مهمة قوات الأمن الجماعي في كازاخستان بعد استقرار الوضع تمامًا'],
    ['002_030cbb14993c2279', 'الخارجية الأمريكية: نراقب عن كثب نشر قوات تقودها روسيا فى كازاخستان'],
    ['003_c6bd811635cf9353', 'الخارجية الروسية: الأحداث في كازاخستان محاولة مستوحاة من الخارج من أجل زعزعة استقرار البلد'],
    ['004_32a7d781b44889d9', 'طلائع قوات منظمة الأمن الجماعي تصل إلى كازاخستان'],
  ])('finds the headline of seed %s in the page text', (id, title) => {
    const article = seed(id);
    expect(article.title).toBe(title);
    expect(article.titleSpan).not.toBeNull();
    expect(article.source.slice(article.titleSpan!.start, article.titleSpan!.end)).toBe(title);
    expect(article.segments[0]).toMatchObject({ kind: 'title', language: 'ar', ...article.titleSpan });
    expect(article.segments.filter((s) => s.kind === 'title')).toHaveLength(1);
    expect(article.language).toBe('ar');
    expectConsistentSpans(article);
  });

  it('drops the masthead, date, section, captions and app promo above the seed 000 article', () => {
    const article = seed('000_bad8e802af1c2755');
    expect(removedText(article, 'date-line')).toEqual(['الإثنين 23 ديسمبر 2024']);
    expect(removedText(article, 'site-header')).toEqual(
      expect.arrayContaining(['رئيس مجلسى الإدارة والتحرير', 'عبدالرحيم علي', 'رئيس التحرير', 'داليا عبدالرحيم']),
    );
    expect(removedText(article, 'section-label')).toEqual(['العالم']);
    expect(removedText(article, 'image-caption')).toEqual(['أرشيفية', 'أرشيفية']);
    expect(removedText(article, 'app-promo')).toEqual(['تابع أحدث الأخبار عبر تطبيق google news']);
    expect(paragraphs(article)).toHaveLength(11);
    expect(paragraphs(article)[0]).toMatch(/^أرسلت منظمة معاهدة الأمن الجماعي/);
  });

  it('collapses a repeated headline and drops continuation and comment markers (seed 001)', () => {
    const article = seed('001_92923d39de616abf');
    expect(removedText(article, 'duplicate-title')).toEqual([article.title]);
    expect(removedText(article, 'continuation-marker')).toEqual(['(تستمر)']);
    expect(removedText(article, 'comments-notice')).toEqual(['أفكارك وتعليقاتك']);
    // The dateline in brackets carries the event date: it stays with its paragraph.
    expect(paragraphs(article)[0]).toMatch(/^\( أردو بوینت نتورك ۔ \/ سبوتنيك - 11 كانون الثاني 2022ء\) أعلن/);
  });

  it('drops the wire credit glued to the first sentence and the related-headline list, keeping what follows it (seed 002)', () => {
    const article = seed('002_030cbb14993c2279');
    expect(removedText(article, 'byline')).toEqual(['وكالات موقع السلطة']);
    expect(paragraphs(article)[0]).toMatch(/^قال نيد برايس، المتحدث باسم وزارة الخارجية الأمريكية/);
    const related = removedText(article, 'related-list');
    expect(related[0]).toBe('موضوعات ذات صلة');
    expect(related).toHaveLength(13);
    expect(related).toContain('- سامح شكري يبحث مع نظيره الإسباني أوضاع الاستقرار في المنطقة');
    expect(paragraphs(article).some((p) => p.startsWith('وفي سياق متصل ،حثت المفوضة السامية'))).toBe(true);
    expect(keptText(article)).not.toMatch(/دلتا إيرلاينز|سامح شكري|إبراهيم حجازي/);
  });

  it('drops section label, share link, source line, and everything from the comment box on (seed 003)', () => {
    const article = seed('003_c6bd811635cf9353');
    expect(removedText(article, 'section-label')).toEqual(['أخبار روسيا']);
    expect(removedText(article, 'duplicate-title')).toEqual([article.title]);
    expect(removedText(article, 'share-link')).toEqual(['انسخ الرابطhttps://ar.rt.com/s48q']);
    expect(removedText(article, 'source-line')).toEqual(['المصدر: نوفوستي']);
    expect(removedText(article, 'comments-notice')[0]).toBe('عزيزي القارئ');
    expect(removedText(article, 'cookie-notice')).toEqual(['موافق', expect.stringContaining('ملفات تعريف الارتباط')]);
    expect(paragraphs(article).at(-1)).toMatch(/^في ليلة 5 على 6 يناير/);
  });

  it('keeps embedded English posts as English paragraphs of an Arabic article (seed 004)', () => {
    const article = seed('004_32a7d781b44889d9');
    const tweet = article.segments.find((s) => article.source.slice(s.start, s.end) === 'Russian peacekeepers depart for #Kazakhstan');
    expect(tweet).toMatchObject({ kind: 'paragraph', language: 'en' });
    expect(paragraphs(article)).toContain('— RT (@RT_com) January 6, 2022');
    expect(removedText(article, 'app-promo')).toEqual([expect.stringMatching(/^Follow us on Telegram/)]);
    expect(article.language).toBe('ar');
  });

  it('never takes page chrome for the headline', () => {
    const titles = ['000_bad8e802af1c2755', '001_92923d39de616abf', '002_030cbb14993c2279', '003_c6bd811635cf9353', '004_32a7d781b44889d9'].map(
      (id) => seed(id).title,
    );
    for (const chrome of ['الإثنين 23 ديسمبر 2024', 'العالم', 'أرشيفية', 'أخبار روسيا', 'عزيزي القارئ', 'موافق']) {
      expect(titles).not.toContain(chrome);
    }
  });

  it('trusts a given title and drops its near repeats in the text', () => {
    const body = [
      'الرئيسية',
      'وزير الخارجية: المحادثات مع الجانب الإيراني "إيجابية"',
      'وزير الخارجية : المحادثات مع الجانب الإيراني إيجابية',
      'قال وزير الخارجية اليوم إن المحادثات التي جرت في العاصمة مع الجانب الإيراني كانت إيجابية وبناءة.',
    ].join('\n');
    const article = readArticle({ body, title: '  وزير الخارجية: المحادثات مع الجانب الإيراني "إيجابية"  ' });
    expect(article.title).toBe('وزير الخارجية: المحادثات مع الجانب الإيراني "إيجابية"');
    expect(article.source.slice(article.titleSpan!.start, article.titleSpan!.end)).toBe(article.title);
    expect(removedText(article, 'duplicate-title')).toEqual(['وزير الخارجية : المحادثات مع الجانب الإيراني إيجابية']);
    expect(removedText(article, 'section-label')).toEqual(['الرئيسية']);
    expect(paragraphs(article)).toHaveLength(1);
  });

  it('keeps a given title that the text does not contain, with no span', () => {
    const body = 'أعلنت وزارة الصحة اليوم تسجيل انخفاض ملحوظ في عدد الإصابات الجديدة خلال الأسبوع الماضي.';
    const article = readArticle({ body, title: 'انخفاض الإصابات', format: 'json' });
    expect(article).toMatchObject({ title: 'انخفاض الإصابات', titleSpan: null, language: 'ar' });
    expect(article.segments).toEqual([{ kind: 'paragraph', start: 0, end: body.length, language: 'ar' }]);
  });

  it('reads an English page: byline, dateline, share bar, related links, comments and cookie banner go', () => {
    const body = [
      'World',
      'Peacekeepers arrive in Kazakhstan as unrest spreads to Almaty',
      'By Jane Smith',
      'Published: 6 January 2022 10:30 GMT',
      'Share on Facebook',
      'Facebook Twitter WhatsApp Email',
      'ALMATY (Reuters) - The first units of a Russian-led alliance arrived in Kazakhstan on Thursday, officials said.',
      'The alliance said its troops would guard government buildings and would not take part in operations.',
      'Read more: Oil prices climb as supply fears grow in Central Asia',
      'Leave a comment',
      'Great article, thanks for the coverage.',
      'We use cookies to improve your experience on our site.',
      'Accept',
    ].join('\n');
    const article = readArticle({ body });
    expect(article.title).toBe('Peacekeepers arrive in Kazakhstan as unrest spreads to Almaty');
    expect(article.language).toBe('en');
    expect(removedText(article)).toEqual([
      'World',
      'By Jane Smith',
      'Published: 6 January 2022 10:30 GMT',
      'Share on Facebook',
      'Facebook Twitter WhatsApp Email',
      'ALMATY (Reuters) -',
      'Read more: Oil prices climb as supply fears grow in Central Asia',
      'Leave a comment',
      'Great article, thanks for the coverage.',
      'We use cookies to improve your experience on our site.',
      'Accept',
    ]);
    expect(article.removed.map((r) => r.reason)).toEqual([
      'section-label', 'byline', 'date-line', 'share-link', 'share-link', 'byline', 'related-list',
      'comments-notice', 'comments-notice', 'cookie-notice', 'cookie-notice',
    ]);
    expect(paragraphs(article)[0]).toBe('The first units of a Russian-led alliance arrived in Kazakhstan on Thursday, officials said.');
  });

  it('drops an agency dateline before the first sentence and a byline above it', () => {
    const body = [
      'أمير المنطقة يدشن مشروعات تنموية جديدة في المحافظة',
      'فهد العلي – الرياض',
      'واس- الرياض: دشن أمير المنطقة اليوم عددا من المشروعات التنموية الجديدة في المحافظة بتكلفة إجمالية كبيرة.',
      'كتب: محمد السالم',
    ].join('\n');
    const article = readArticle({ body });
    expect(article.title).toBe('أمير المنطقة يدشن مشروعات تنموية جديدة في المحافظة');
    expect(removedText(article, 'byline')).toEqual(['فهد العلي – الرياض', 'واس- الرياض:', 'كتب: محمد السالم']);
    expect(paragraphs(article)).toEqual(['دشن أمير المنطقة اليوم عددا من المشروعات التنموية الجديدة في المحافظة بتكلفة إجمالية كبيرة.']);
  });

  it('keeps lists inside the article and drops a trailing run of linked headlines', () => {
    const body = [
      'وأوصى التقرير بعدة إجراءات لتحسين أداء القطاع خلال المرحلة المقبلة، أبرزها ما يلي.',
      '- رفع مستوى الجودة في جميع مراحل الإنتاج المحلي',
      '- إنشاء كيان موحد يضع خطط الإنتاج والتسويق للمزارعين',
      '- تفعيل خدمات مركز تنمية الصادرات لدعم المصدرين الجدد',
      'وختم التقرير بالتأكيد على أهمية الشراكة بين القطاعين العام والخاص في تحقيق هذه الأهداف.',
      '- الرئيس يلتقي وفدا من رجال الأعمال في العاصمة',
      '- ارتفاع أسعار النفط في ختام تعاملات الأسبوع الماضي',
      '- المنتخب يبدأ معسكره الخارجي استعدادا للتصفيات المقبلة',
    ].join('\n');
    const article = readArticle({ body, title: 'توصيات لتحسين أداء القطاع الزراعي' });
    expect(paragraphs(article)).toHaveLength(5);
    expect(removedText(article, 'related-list')).toEqual([
      '- الرئيس يلتقي وفدا من رجال الأعمال في العاصمة',
      '- ارتفاع أسعار النفط في ختام تعاملات الأسبوع الماضي',
      '- المنتخب يبدأ معسكره الخارجي استعدادا للتصفيات المقبلة',
    ]);
  });

  it('does not let a comment widget above the article swallow the article', () => {
    const body = ['التعليقات', 'أكدت الحكومة اليوم أنها ستواصل دعم القطاع الصحي في جميع المناطق خلال العام المقبل.'].join('\n');
    const article = readArticle({ body, title: 'الحكومة تدعم القطاع الصحي' });
    expect(removedText(article)).toEqual(['التعليقات']);
    expect(paragraphs(article)).toHaveLength(1);
  });

  it('reads an HTML page through Readability and applies the same line rules to its text', () => {
    const html = `<!doctype html><html lang="ar"><head><title>قوات حفظ السلام تصل إلى كازاخستان | موقع الأخبار</title></head>
      <body><header><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav></header>
      <main><article>
        <div class="section">العالم</div>
        <h1>قوات حفظ السلام تصل إلى كازاخستان</h1>
        <div class="date">الخميس 6 يناير 2022</div>
        <figure><img src="a.jpg"><figcaption>أرشيفية</figcaption></figure>
        <p>أعلنت منظمة معاهدة الأمن الجماعي، اليوم الخميس، وصول أولى وحدات قوات حفظ السلام إلى كازاخستان، بعد طلب رسمي من الرئيس لمساعدة بلاده.</p>
        <p>وقالت الأمانة العامة للمنظمة في بيان إن القوات ستتولى حماية المنشآت الحكومية والعسكرية المهمة، ولن تشارك في عمليات ميدانية.</p>
        <blockquote><p>Russian peacekeepers depart for Kazakhstan as the unrest continues in Almaty</p></blockquote>
        <p>وأضاف البيان أن مهمة القوات <b>مؤقتة</b> وستنتهي بعد استقرار الوضع في البلاد بشكل كامل.</p>
        <h3>اقرأ أيضا</h3>
        <ul><li><a href="/1">الرئيس يلتقي وفدا من رجال الأعمال في العاصمة</a></li><li><a href="/2">ارتفاع أسعار النفط في ختام التعاملات</a></li></ul>
      </article></main>
      <footer><p>جميع الحقوق محفوظة © 2022</p></footer></body></html>`;
    const article = readArticle({ body: html, format: 'html' });
    expect(article.title).toBe('قوات حفظ السلام تصل إلى كازاخستان');
    expect(article.source.slice(article.titleSpan!.start, article.titleSpan!.end)).toBe(article.title);
    expect(article.source).not.toMatch(/<|جميع الحقوق/);
    expect(removedText(article)).toEqual([
      'العالم',
      'الخميس 6 يناير 2022',
      'أرشيفية',
      'اقرأ أيضا',
      '- الرئيس يلتقي وفدا من رجال الأعمال في العاصمة',
      '- ارتفاع أسعار النفط في ختام التعاملات',
    ]);
    expect(paragraphs(article)).toEqual([
      expect.stringMatching(/^أعلنت منظمة معاهدة الأمن الجماعي/),
      expect.stringMatching(/^وقالت الأمانة العامة/),
      'Russian peacekeepers depart for Kazakhstan as the unrest continues in Almaty',
      'وأضاف البيان أن مهمة القوات مؤقتة وستنتهي بعد استقرار الوضع في البلاد بشكل كامل.',
    ]);
    expect(article.segments.map((s) => s.language)).toEqual(['ar', 'ar', 'ar', 'en', 'ar']);
    expect(article.language).toBe('ar');
    expectConsistentSpans(article);
  });

  it('takes the headline from the page title when Readability has dropped it from the text', () => {
    const paragraph = 'The storm brought down power lines across the region on Monday, and officials said repairs would take days.';
    const html = `<html><head><title>Storm hits the coast | Daily News</title></head><body>
      <article><h1>Storm hits the coast</h1><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
    const article = readArticle({ body: html, format: 'html' });
    expect(article).toMatchObject({ title: 'Storm hits the coast', titleSpan: null, language: 'en' });
    expect(paragraphs(article)).toEqual([paragraph, paragraph]);
  });

  it('reads a pre-parsed JSON body exactly like text', () => {
    const body = 'العالم\nعنوان الخبر الرئيسي لهذا اليوم\nأكد المتحدث الرسمي أن العمل يسير وفق الخطة المعتمدة منذ بداية العام.';
    expect(readArticle({ body, format: 'json' })).toEqual(readArticle({ body }));
  });

  it('answers an empty body with an empty article', () => {
    expect(readArticle({ body: '' })).toEqual({ source: '', title: null, titleSpan: null, language: null, segments: [], removed: [] });
    expect(readArticle({ body: ' \n\n \n', title: '' })).toMatchObject({ title: null, segments: [], removed: [] });
  });

  it('records punctuation-only debris as empty and keeps blank lines out of the record', () => {
    const article = readArticle({ body: 'عنوان الخبر الرئيسي لهذا اليوم\n\n***\n\nأكد المتحدث الرسمي أن العمل يسير وفق الخطة المعتمدة منذ بداية العام.\n.' });
    expect(article.removed.map((r) => r.reason)).toEqual(['empty', 'empty']);
  });
});

describe(keptText.name, () => {
  it('joins the paragraphs, not the title, with a blank line', () => {
    const article = readArticle({
      body: 'عنوان الخبر الرئيسي لهذا اليوم\nالفقرة الأولى من الخبر تتحدث عن الحدث بالتفصيل الكامل.\nأرشيفية\nالفقرة الثانية تكمل الحديث عن الحدث وتداعياته المختلفة.',
    });
    expect(keptText(article)).toBe(
      'الفقرة الأولى من الخبر تتحدث عن الحدث بالتفصيل الكامل.\n\nالفقرة الثانية تكمل الحديث عن الحدث وتداعياته المختلفة.',
    );
  });
});

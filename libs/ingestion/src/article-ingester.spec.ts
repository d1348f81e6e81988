import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleIngester, ArticleRejectedError } from './article-ingester';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', 'seeds', name), 'utf8');
const ingester = new ArticleIngester({ maxBodyBytes: 1024 * 1024, now: () => new Date('2022-01-12T00:00:00Z') });

describe(ArticleIngester.name, () => {
  it('cleans a real page dump: its own title, Arabic, chrome listed with reasons, offsets into the body', () => {
    const body = seed('000_bad8e802af1c2755.txt');
    const article = ingester.ingest({ body, file: '000_bad8e802af1c2755.txt' });
    expect(article.title).toBe('منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان');
    expect(article.language).toBe('ar');
    expect(article.source).toEqual({ file: '000_bad8e802af1c2755.txt', url: null, outlet: null });
    expect(article.removed.some((r) => body.slice(r.start, r.end).includes('رئيس التحرير'))).toBe(true);
    const first = article.segments.find((s) => s.kind === 'paragraph')!;
    expect(body.slice(first.start, first.end)).toMatch(/^أرسلت منظمة معاهدة الأمن الجماعي/);
  });

  it('gives the same text the same id, whatever surrounds it, and another outlet another id', () => {
    const text = 'Floods in Porto Alegre forced 20,000 people from their homes on Monday, the civil defence said.';
    const a = ingester.ingest({ body: text });
    const b = ingester.ingest({ body: `${text}\n\nThis site uses cookies. Accept` });
    const c = ingester.ingest({ body: text, url: 'https://www.example.org/floods' });
    expect(b.articleId).toBe(a.articleId);
    expect(c.articleId).not.toBe(a.articleId);
    expect(c.source.outlet).toBe('example.org');
  });

  it('reads extracted text from a page whose URL ends in .html as text, and markup without <html> as HTML', () => {
    const text = 'قال تقرير اليوم الاثنين إن قرابة 20 مليون شخص أجبروا على الفرار من بيوتهم بسبب الفيضانات والعواصف والزلازل في العام 2014.';
    const fromUrl = ingester.ingest({ body: text, url: 'http://www.aleqt.com/2015/07/20/article_974922.html' });
    expect(fromUrl.body).toBe(text);
    const fragment = ingester.ingest({ body: `<div><p>${text}</p><p>وقال مجلس اللاجئين النرويجي إن آسيا معرضة للكوارث.</p></div>` });
    expect(fragment.segments.filter((s) => s.kind === 'paragraph')).toHaveLength(2);
  });

  it('drops NUL and other control characters and mends lone surrogates: every later store can hold the text, the id is that of the clean text', () => {
    const body = seed('000_bad8e802af1c2755.txt');
    const clean = ingester.ingest({ body, title: 'Dammam plant', url: 'https://example.org/a' });
    const dirty = ingester.ingest({ body: body.replace('أرسلت', 'أر\u0000سلت\u0007'), title: 'Dammam\u0000 plant', url: 'https://example.org/a\u0000' });
    expect(dirty.title).toBe('Dammam plant');
    expect(dirty.source.url).toBe('https://example.org/a');
    expect(dirty.body).toBe(clean.body);
    expect(dirty.articleId).toBe(clean.articleId);
    const lone = ingester.ingest({ body: 'Officials in Dammam opened a desalination plant on Sunday \ud800 and \udc00 said so. 😀', title: '\ud800Dammam' });
    expect(lone.title).toBe('\ufffdDammam');
    expect(lone.body).toBe('Officials in Dammam opened a desalination plant on Sunday \ufffd and \ufffd said so. 😀');
    expect(JSON.stringify(lone)).not.toMatch(/\\u0000|\\ud[89ab]/i);
  });

  it('refuses a page that is nothing but chrome, and a body over the limit, saying which', () => {
    const chrome = 'رئيس التحرير\nفلان الفلاني\n\nهذا الموقع يستخدم ملفات تعريف الارتباط';
    expect(() => ingester.ingest({ body: chrome })).toThrow(expect.objectContaining({ code: 'NO_CONTENT' }));
    const small = new ArticleIngester({ maxBodyBytes: 100 });
    expect(() => small.ingest({ body: 'ا'.repeat(100) })).toThrow(ArticleRejectedError);
    expect(() => small.ingest({ body: 'ا'.repeat(100) })).toThrow(/200 bytes; the limit is 100/);
  });

  it('lets an item whose only text is its headline flow as a brief, the headline its one paragraph', () => {
    const title = 'منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان';
    const article = ingester.ingest({ body: title, title, url: 'http://example.org/photo/1' });
    expect(article.brief).toBe(true);
    expect(article.title).toBe(title);
    expect(article.body).toBe(title);
    expect(article.segments).toEqual([{ kind: 'paragraph', start: 0, end: title.length, language: 'ar' }]);
    // The same headline again is the same article.
    expect(ingester.ingest({ body: title, title, url: 'http://example.org/photo/1' }).articleId).toBe(article.articleId);
  });

  it('decodes character references a scraper left in plain text, in the title and the body', () => {
    const article = ingester.ingest({
      title: 'داود أوغلو يتوعد داعش بعد &#8220;تفجير سروج&#8221;',
      body: 'توعد رئيس الوزراء التركي أحمد داود أوغلو تنظيم &quot;داعش&quot; بعد تفجير سروج الذي أوقع 32 قتيلا في جنوب تركيا &amp; قال إن بلاده ستلاحق المنفذين.',
    });
    expect(article.title).toBe('داود أوغلو يتوعد داعش بعد “تفجير سروج”');
    expect(article.body).toContain('تنظيم "داعش" بعد');
    expect(article.body).toContain('تركيا & قال');
    expect(article.brief).toBeUndefined();
  });
});

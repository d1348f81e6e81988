import type { ArticleIngestedV1 } from '@eventwire/contracts';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator } from './article-translator';
import { KbTermMatcher } from './kb-term-matcher';
import { StubTranslationEngine } from './stub-translation-engine';

function article(title: string, paragraphs: Array<{ text: string; language: string }>): ArticleIngestedV1 {
  let body = '';
  const segments = paragraphs.map((p) => {
    const start = body.length;
    body += `${p.text}\n\n`;
    return { kind: 'paragraph' as const, start, end: start + p.text.length, language: p.language };
  });
  return {
    schemaVersion: 1,
    articleId: 'a'.repeat(24),
    source: { file: null, url: null, outlet: null },
    title,
    language: 'ar',
    publishedAt: null,
    ingestedAt: '2022-01-06T00:00:00.000Z',
    body,
    segments,
    removed: [],
  };
}

describe(ArticleTranslator.name, () => {
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(KnowledgeBase.bundled())), 'en');

  it('marks stub output as a gist naming the known entities of the title, never as a translation', async () => {
    const out = await translator.translate(
      article('منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان', [
        { text: 'أرسلت المنظمة قوات إلى كازاخستان.', language: 'ar' },
      ]),
    );
    expect(out.translation.engine).toBe('stub');
    expect(out.translation.title).toBe('[gist] CSTO · Russia · Kazakhstan');
    expect(out.translation.segments).toEqual([null]);
    expect(out.translation.glossary.filter((h) => h.segment === 1).map((h) => h.target)).toEqual(['Kazakhstan']);
  });

  it('passes text already in the target language through, such as an English post inside an Arabic article', async () => {
    const out = await translator.translate(
      article('طلائع قوات منظمة الأمن الجماعي تصل إلى كازاخستان', [
        { text: 'وصلت القوات.', language: 'ar' },
        { text: 'Russian peacekeepers depart for Kazakhstan', language: 'en' },
      ]),
    );
    expect(out.translation.segments).toEqual([null, 'Russian peacekeepers depart for Kazakhstan']);
  });

  it('gives no gist when the title names nothing it knows', async () => {
    const out = await translator.translate(article('عنوان بلا أسماء معروفة', [{ text: 'نص.', language: 'ar' }]));
    expect(out.translation.title).toBeNull();
  });
});

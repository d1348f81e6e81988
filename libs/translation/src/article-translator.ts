import type { ArticleIngestedV1, ArticleTranslatedV1 } from '@eventwire/contracts';
import { stubTitleGist } from './stub-translation-engine';
import type { TranslationEngine } from './translation-engine';

/**
 * Sends an article's title and segments to the engine and attaches the
 * result. The title is the first segment sent, so its gist and hits are
 * those of segment 0.
 */
export class ArticleTranslator {
  constructor(
    private readonly engine: TranslationEngine,
    private readonly target: string,
  ) {}

  async translate(article: ArticleIngestedV1): Promise<ArticleTranslatedV1> {
    const paragraphs = article.segments.filter((s) => s.kind === 'paragraph');
    const title = { text: article.title ?? '', language: article.title ? article.language : this.target };
    const segments = [title, ...paragraphs.map((s) => ({ text: article.body.slice(s.start, s.end), language: s.language }))];
    const result = await this.engine.translate(segments, article.language, this.target);
    // The gist names who and where (the knowledge base's names); glossary terms stay in the glossary list.
    const titleHits = result.glossary.filter((h) => h.segment === 0 && h.kind !== 'term');
    const renderedTitle = result.segments[0] ?? (result.engine === 'stub' ? stubTitleGist(titleHits) : null);
    return {
      ...article,
      translation: {
        engine: result.engine,
        engineVersion: result.engineVersion,
        target: this.target,
        title: article.title ? renderedTitle : null,
        segments: result.segments.slice(1),
        glossary: result.glossary,
        ...(result.fallback ? { fallback: result.fallback } : {}),
      },
    };
  }
}

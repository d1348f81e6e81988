import { RawArticleV1, TOPICS } from '@eventwire/contracts';
import { encodeOutput, StageOutput } from './stage-output';

describe('StageOutput', () => {
  const raw: RawArticleV1 = { body: 'text' };

  it("takes its topic's payload, and no other topic's (checked by the type checker: npm run typecheck)", () => {
    const right: StageOutput<typeof TOPICS.articlesRaw> = { topic: TOPICS.articlesRaw, key: 'k', value: raw };
    // @ts-expect-error a raw article is not an ingested article: sending it to articles.ingested.v1 does not compile.
    const wrong: StageOutput = { topic: TOPICS.articlesIngested, key: 'k', value: raw };
    expect(encodeOutput(right).value).toBe(JSON.stringify(raw));
    expect(() => encodeOutput(wrong)).toThrow(/articleId/);
  });
});

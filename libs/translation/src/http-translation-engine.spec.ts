import type { GlossaryHit } from '@eventwire/contracts';
import { FakeLibreTranslate } from '../../../test/support/fake-libretranslate';
import { HttpTranslationEngine } from './http-translation-engine';
import { RoutingTranslationEngine } from './routing-translation-engine';
import { StubTranslationEngine } from './stub-translation-engine';
import type { TermMatcher } from './translation-engine';

/** The stub with one known term, so its fallback output is recognisable. */
const terms: TermMatcher = {
  match: (text) => (text.includes('كازاخستان') ? [{ start: text.indexOf('كازاخستان'), end: text.indexOf('كازاخستان') + 9, text: 'كازاخستان', target: 'Kazakhstan', kind: 'country' }] : []),
};
const stub = new StubTranslationEngine(terms);
const ar = (text: string) => ({ text, language: 'ar' });

describe(HttpTranslationEngine.name, () => {
  let fake: FakeLibreTranslate;
  let url: string;

  beforeEach(async () => {
    fake = new FakeLibreTranslate();
    url = await fake.start();
  });

  afterEach(async () => {
    await fake.stop();
  });

  it('translates over HTTP in batches, passing target-language segments through, with the API key', async () => {
    const engine = new HttpTranslationEngine({ url, apiKey: 'k', batchSize: 2 }, stub);
    const result = await engine.translate([ar('أ'), { text: 'already English', language: 'en' }, ar('ب'), ar('ج')], 'ar', 'en');
    expect(result).toMatchObject({ engine: 'libretranslate', segments: ['EN(أ)', 'already English', 'EN(ب)', 'EN(ج)'] });
    expect(result.fallback).toBeUndefined();
    expect(fake.requests.map((r) => r.q)).toEqual([['أ', 'ب'], ['ج']]);
    expect(fake.requests[0]).toMatchObject({ source: 'ar', target: 'en', api_key: 'k' });
  });

  it('answers repeated text from its cache without asking the service again', async () => {
    const engine = new HttpTranslationEngine({ url }, stub);
    await engine.translate([ar('نص'), ar('آخر')], 'ar', 'en');
    const again = await engine.translate([ar('نص'), ar('جديد')], 'ar', 'en');
    expect(again.segments).toEqual(['EN(نص)', 'EN(جديد)']);
    expect(fake.requests.map((r) => r.q)).toEqual([['نص', 'آخر'], ['جديد']]);
  });

  it('retries a 5xx with backoff and succeeds', async () => {
    fake.behaviour = (n) => (n <= 2 ? 'fail-500' : 'translate');
    const engine = new HttpTranslationEngine({ url, maxAttempts: 3, retryBaseMs: 10 }, stub);
    const result = await engine.translate([ar('نص')], 'ar', 'en');
    expect(result.segments).toEqual(['EN(نص)']);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up on a request that times out, and falls back to the stub, saying why', async () => {
    fake.behaviour = () => 'hang';
    const engine = new HttpTranslationEngine({ url, timeoutMs: 100, maxAttempts: 2, retryBaseMs: 10 }, stub);
    const result = await engine.translate([ar('خبر عن كازاخستان')], 'ar', 'en');
    expect(result.engine).toBe('stub');
    expect(result.segments).toEqual([null]);
    expect(result.glossary.map((h: GlossaryHit) => h.target)).toEqual(['Kazakhstan']);
    expect(result.fallback).toEqual({ from: 'libretranslate', reason: 'no answer within 100 ms' });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a 4xx or a malformed answer', async () => {
    fake.behaviour = () => 'fail-400';
    const engine = new HttpTranslationEngine({ url, maxAttempts: 3, retryBaseMs: 10 }, stub);
    expect((await engine.translate([ar('نص')], 'ar', 'en')).fallback?.reason).toBe('HTTP 400 from the translation service');
    expect(fake.requests).toHaveLength(1);
    fake.behaviour = () => 'garbled';
    expect((await engine.translate([ar('أ'), ar('ب')], 'ar', 'en')).fallback?.reason).toMatch(/one translatedText per segment/);
    expect(fake.requests).toHaveLength(2);
  });

  it('opens the circuit after repeated failures, sends articles to the stub without calling, and closes once the service answers', async () => {
    fake.behaviour = (n) => (n <= 2 ? 'fail-500' : 'translate');
    const engine = new HttpTranslationEngine({ url, maxAttempts: 1, breakerThreshold: 2, breakerCooldownMs: 200 }, stub);
    await engine.translate([ar('أ')], 'ar', 'en');
    await engine.translate([ar('ب')], 'ar', 'en');
    expect(engine.circuit).toBe('open');
    const whileOpen = await engine.translate([ar('ج')], 'ar', 'en');
    expect(whileOpen.fallback).toEqual({ from: 'libretranslate', reason: 'circuit open' });
    expect(fake.requests).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(engine.circuit).toBe('half-open');
    const after = await engine.translate([ar('د')], 'ar', 'en');
    expect(after).toMatchObject({ engine: 'libretranslate', segments: ['EN(د)'] });
    expect(engine.circuit).toBe('closed');
  });

  it('is used for the routed source languages only; the others get the stub', async () => {
    const http = new HttpTranslationEngine({ url }, stub);
    const router = new RoutingTranslationEngine(new Map([['ar', http]]), stub);
    expect((await router.translate([ar('نص')], 'ar', 'en')).engine).toBe('libretranslate');
    expect((await router.translate([{ text: 'متن', language: 'fa' }], 'fa', 'en')).engine).toBe('stub');
    expect(fake.requests).toHaveLength(1);
  });
});

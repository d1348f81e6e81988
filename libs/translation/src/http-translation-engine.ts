import { createHash } from 'node:crypto';
import type { EngineResult, SourceSegment, TranslationEngine } from './translation-engine';

export interface HttpEngineOptions {
  /** Base URL of a LibreTranslate-compatible service; requests go to `<url>/translate`. */
  url: string;
  apiKey?: string;
  /** Per request. */
  timeoutMs?: number;
  /** Segments per request. */
  batchSize?: number;
  /** Tries per batch for transient failures (network, timeout, 429, 5xx). */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Consecutive failed batches that open the circuit. */
  breakerThreshold?: number;
  /** How long an open circuit sends everything to the fallback before one request tries the service again. */
  breakerCooldownMs?: number;
  /** Translations remembered, by hash of languages and text. */
  cacheSize?: number;
}

/** A request failed in a way a retry may cure (network, timeout, 429, 5xx) or may not (other 4xx, a malformed answer). */
export class TranslationServiceError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'TranslationServiceError';
  }
}

/**
 * A client for a LibreTranslate-compatible `/translate` API. Segments
 * already in the target language pass through; the rest go in batches
 * (`q` as an array), each with a timeout, retried with exponential backoff
 * when the failure is transient. Translations are cached by a hash of the
 * languages and text. After `breakerThreshold` failed batches in a row the
 * circuit opens: for `breakerCooldownMs` every article goes to the fallback
 * engine (the stub) without waiting on the service, and the result says so
 * in `fallback`; then one request tries the service again.
 */
export class HttpTranslationEngine implements TranslationEngine {
  readonly name = 'libretranslate';
  readonly version = '1';
  private readonly cache = new Map<string, string>();
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly options: HttpEngineOptions,
    private readonly fallback: TranslationEngine,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Closed, open (requests go to the fallback), or half-open (the next request tests the service). */
  get circuit(): 'closed' | 'open' | 'half-open' {
    if (this.failures < (this.options.breakerThreshold ?? 5)) return 'closed';
    return Date.now() < this.openUntil ? 'open' : 'half-open';
  }

  async translate(segments: SourceSegment[], from: string | null, to: string): Promise<EngineResult> {
    if (this.circuit === 'open') return this.fallBack(segments, from, to, 'circuit open');
    const out: (string | null)[] = segments.map((s) => (s.language === to ? s.text : null));
    const todo: number[] = [];
    for (const [i, segment] of segments.entries()) {
      if (out[i] !== null || segment.text.trim() === '') continue;
      const cached = this.cache.get(this.key(from, to, segment.text));
      if (cached !== undefined) out[i] = cached;
      else todo.push(i);
    }
    const size = this.options.batchSize ?? 16;
    try {
      for (let b = 0; b < todo.length; b += size) {
        const batch = todo.slice(b, b + size);
        const translated = await this.withRetries(batch.map((i) => segments[i]!.text), from, to);
        batch.forEach((i, k) => {
          out[i] = translated[k]!;
          this.remember(this.key(from, to, segments[i]!.text), translated[k]!);
        });
      }
    } catch (error) {
      this.failures++;
      if (this.failures >= (this.options.breakerThreshold ?? 5)) this.openUntil = Date.now() + (this.options.breakerCooldownMs ?? 30_000);
      return this.fallBack(segments, from, to, error instanceof Error ? error.message : String(error));
    }
    this.failures = 0;
    return { engine: this.name, engineVersion: this.version, segments: out, glossary: [] };
  }

  private async fallBack(segments: SourceSegment[], from: string | null, to: string, reason: string): Promise<EngineResult> {
    const result = await this.fallback.translate(segments, from, to);
    return { ...result, fallback: { from: this.name, reason } };
  }

  private async withRetries(texts: string[], from: string | null, to: string): Promise<string[]> {
    const attempts = this.options.maxAttempts ?? 3;
    const base = this.options.retryBaseMs ?? 200;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.request(texts, from, to);
      } catch (error) {
        const transient = error instanceof TranslationServiceError ? error.transient : true;
        if (!transient || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, base * 2 ** (attempt - 1)));
      }
    }
  }

  private async request(texts: string[], from: string | null, to: string): Promise<string[]> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.options.url.replace(/\/$/, '')}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: texts, source: from ?? 'auto', target: to, format: 'text', ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}) }),
        signal: timeout.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      throw new TranslationServiceError(timeout.signal.aborted ? `no answer within ${timeoutMs} ms` : `request failed: ${(error as Error).message}`, true);
    }
    // The timeout also covers reading the body.
    const body = await response.json().catch(() => null).finally(() => clearTimeout(timer));
    if (timeout.signal.aborted) throw new TranslationServiceError(`no answer within ${timeoutMs} ms`, true);
    if (!response.ok) {
      const transient = response.status === 429 || response.status >= 500;
      throw new TranslationServiceError(`HTTP ${response.status} from the translation service`, transient);
    }
    const translated = (body as { translatedText?: unknown } | null)?.translatedText;
    const list = Array.isArray(translated) ? translated : texts.length === 1 && typeof translated === 'string' ? [translated] : null;
    if (!list || list.length !== texts.length || list.some((t) => typeof t !== 'string')) {
      throw new TranslationServiceError('the translation service answered without one translatedText per segment', false);
    }
    return list as string[];
  }

  private key(from: string | null, to: string, text: string): string {
    return createHash('sha256').update(`${from ?? 'auto'}\u0000${to}\u0000${text}`).digest('base64url');
  }

  private remember(key: string, value: string): void {
    const max = this.options.cacheSize ?? 10_000;
    if (this.cache.size >= max) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, value);
  }
}

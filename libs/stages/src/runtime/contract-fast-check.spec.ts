import { classValidatorErrors, compileFastCheck, contractErrors, contractForTopic, RawArticleV1Dto, TOPICS, UnsupportedContractError } from '@eventwire/contracts';
import { InMemoryMessageBroker } from '@eventwire/kafka';
import { IsString, ValidateIf } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, STAGES } from './stage-launcher';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');

type Json = unknown;

/** Every path into a value (object keys and array indexes), the value itself first. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

const DELETE = Symbol('delete');

/** A copy of `record` with the value at `path` replaced (or its key removed). */
function mutate(record: Json, path: Array<string | number>, replacement: unknown): Json {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

function replacementsFor(value: unknown): unknown[] {
  const out: unknown[] = [DELETE, null, undefined, '', 'x', 'X'.repeat(5000), 0, -1, 1.5, Number.NaN, true, [], {}, [value]];
  if (typeof value === 'string') out.push(`${value}1`, value.slice(1), value.toUpperCase(), '2022-13-45', '2022-01-06t10:00:00', 'ar');
  if (typeof value === 'number') out.push(value + 0.5, -value - 1, Number.POSITIVE_INFINITY, String(value));
  return out;
}

describe('the fast contract check', () => {
  // The embedded store (PGlite) takes a few seconds to start.
  jest.setTimeout(60_000);

  const records = new Map<string, unknown[]>();

  beforeAll(async () => {
    // Real records on every topic: the five seeds through the four stages, embedded.
    const broker = new InMemoryMessageBroker();
    const pipeline = await launch(STAGES, { broker });
    try {
      const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
      await broker.send(files.map((file) => ({ topic: TOPICS.articlesRaw, key: file, value: JSON.stringify({ body: readFileSync(join(SEEDS, file), 'utf8'), file }) })));
      await broker.whenIdle();
      for (const topic of Object.values(TOPICS)) {
        records.set(topic, broker.read(topic).filter((m) => m.value !== null).map((m) => JSON.parse(m.value!.toString()) as unknown));
      }
    } finally {
      await pipeline.close();
    }
  });

  it('compiles for every topic contract and accepts every real record, as class-validator does', () => {
    for (const [topic, list] of records) {
      const contract = contractForTopic(topic)!;
      const fast = compileFastCheck(contract);
      expect(list.length).toBeGreaterThan(0);
      for (const record of list) {
        expect(classValidatorErrors(contract, record as object)).toEqual([]);
        expect(fast(record)).toBe(true);
      }
    }
  });

  it('never accepts a record class-validator refuses: every field of real records broken in many ways', () => {
    let refusedByBoth = 0;
    let refusedByFastOnly = 0;
    for (const [topic, list] of records) {
      const contract = contractForTopic(topic)!;
      const fast = compileFastCheck(contract);
      // Some 60 paths a topic, spread over its records (a story record alone has hundreds).
      const all = list.flatMap((record) => paths(record).slice(1).map((path) => [record, path] as const));
      const step = Math.max(1, Math.floor(all.length / 60));
      for (let i = 0; i < all.length; i += step) {
        const [record, path] = all[i]!;
        let value: unknown = record;
        for (const key of path) value = (value as Record<string | number, unknown>)[key];
        for (const replacement of replacementsFor(value)) {
          const broken = mutate(record, path, replacement) as object;
          const reference = classValidatorErrors(contract, broken);
          const accepted = fast(broken);
          if (accepted && reference.length > 0) {
            throw new Error(`${topic}: the fast check accepts ${path.join('.')} = ${JSON.stringify(replacement)}, class-validator refuses: ${JSON.stringify(reference)}`);
          }
          if (!accepted && reference.length > 0) refusedByBoth++;
          if (!accepted && reference.length === 0) refusedByFastOnly++;
          // What the stages call gives class-validator's verdict either way.
          if (i % 4 === 0) expect(contractErrors(contract, broken)).toEqual(reference);
        }
      }
    }
    expect(refusedByBoth).toBeGreaterThan(1500);
    // Stricter than class-validator only in corners (an array of arrays, or an undefined element, where objects are
    // expected), never for real records.
    expect(refusedByFastOnly).toBeLessThan(refusedByBoth / 10);
  });

  it('checks raw articles as class-validator does, strict ISO dates and language codes included', () => {
    const fast = compileFastCheck(RawArticleV1Dto);
    for (const value of [
      { body: 'نص' },
      { body: 'نص', publishedAt: '2022-01-06' },
      { body: 'نص', publishedAt: '2022-02-30' },
      { body: 'نص', publishedAt: '2022-01-06T10:00:00+03:00' },
      { body: 'نص', language: 'ar' },
      { body: 'نص', language: 'Arabic' },
      { body: '', title: null },
      { body: 'نص', title: 7 },
      { title: 'x' },
    ]) {
      expect(fast(value)).toBe(classValidatorErrors(RawArticleV1Dto, value).length === 0);
    }
  });

  it('refuses to translate what it cannot, and the contract is then checked by class-validator alone', () => {
    class Conditional {
      @ValidateIf((o: { kind?: string }) => o.kind === 'named') @IsString() name!: string;
      @IsString() kind!: string;
    }
    expect(() => compileFastCheck(Conditional)).toThrow(UnsupportedContractError);
    expect(contractErrors(Conditional, { kind: 'anonymous' })).toEqual([]);
    expect(contractErrors(Conditional, { kind: 'named' }).map((e) => e.field)).toEqual(['name']);
  });
});

import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, ServiceProcess, waitFor } from './support/service-process';

const run = promisify(execFile);
const REPO = join(__dirname, '..');

interface Line {
  topic: string;
  key: string;
  value: unknown;
}

interface Outcome {
  stdout: string;
  /** Progress and the summary: stderr here is a pipe, not a terminal. */
  stderr: string;
  code: number;
}

async function eventwireOutcome(args: string[]): Promise<Outcome> {
  let stdout: string;
  let stderr: string;
  let code = 0;
  try {
    ({ stdout, stderr } = await run(process.execPath, [join(REPO, 'bin', 'eventwire.js'), ...args], { cwd: REPO, maxBuffer: 64 * 1024 * 1024, timeout: 170_000 }));
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    ({ stdout, stderr, code } = failed);
  }
  return { stdout, stderr, code };
}

const ndjson = (stdout: string): Line[] =>
  stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);


/** What a reader of the story cares about, without the volatile parts (times, version counts). */
function essence(story: StoryEnrichedV1): unknown {
  return {
    articles: story.articles.map((a) => a.articleId).sort(),
    numArticles: story.numArticles,
    numSources: story.numSources,
    dateRange: story.dateRange,
    entities: story.entities.map((e) => `${e.id}:${e.articleCount}`).sort(),
    title: story.title,
  };
}

describe('eventwire run', () => {
  const topics = `${TOPICS.eventsExtracted},${TOPICS.eventsEnriched}`;
  let embedded: Line[];
  let embeddedStderr: string;

  beforeAll(async () => {
    const outcome = await eventwireOutcome(['run', 'seeds', '--topics', topics]);
    expect(outcome.code).toBe(0);
    embedded = ndjson(outcome.stdout);
    embeddedStderr = outcome.stderr;
  });

  it('prints a summary on stderr, and no progress when stderr is not a terminal', () => {
    expect(embeddedStderr).toContain('eventwire run: 5 articles in, 5 ingested, 5 translated, 5 extracted, 1 story in ');
    expect(embeddedStderr).toContain('dead letters: none');
    expect(embeddedStderr).not.toMatch(/\r|\n?run \d/);
    expect(embeddedStderr).not.toContain('topic prefix');
  });

  it('on a terminal redraws one progress line in place, then clears it for the summary', async () => {
    // util-linux `script` gives the command a pseudo-terminal for stderr; its transcript keeps what was drawn.
    const transcript = join(mkdtempSync(join(tmpdir(), 'eventwire-cli-tty-')), 'tty.log');
    const out = join(tmpdir(), `eventwire-cli-tty-${randomBytes(4).toString('hex')}.ndjson`);
    await run('script', ['-qec', `${process.execPath} ${join(REPO, 'bin', 'eventwire.js')} run seeds --out ${out}`, transcript], { cwd: REPO, timeout: 170_000 });
    // Each drawing starts by clearing the line: what follows each clear is one state of the line.
    const drawings = readFileSync(transcript, 'utf8').split('\r\x1b[2K').slice(1);
    expect(drawings).toContainEqual(expect.stringMatching(/^run \d+\.\d s: \d+ in → \d+ ingested → \d+ translated → \d+ extracted → \d+ story updates; 0 dead letters; [\d.]+\/s$/));
    expect(drawings.at(-1)).toMatch(/^eventwire run: 5 articles in, 5 ingested, 5 translated, 5 extracted, 1 story in /);
  });

  it('embedded: prints one extracted record per seed file and one story of all five', () => {
    const extracted = embedded.filter((l) => l.topic === TOPICS.eventsExtracted).map((l) => l.value as EventExtractedV1);
    expect(extracted.map((e) => e.source.file).sort()).toEqual([
      '000_bad8e802af1c2755.txt',
      '001_92923d39de616abf.txt',
      '002_030cbb14993c2279.txt',
      '003_c6bd811635cf9353.txt',
      '004_32a7d781b44889d9.txt',
    ]);
    const stories = embedded.filter((l) => l.topic === TOPICS.eventsEnriched).map((l) => l.value as StoryEnrichedV1);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.numArticles).toBe(5);
    expect(stories[0]!.articles.map((a) => a.articleId).sort()).toEqual(extracted.map((e) => e.articleId).sort());
  });

  it('over the real broker gives the same story as embedded, and names its topic prefix for the audit', async () => {
    const brokers = process.env.KAFKA_BROKERS!;
    const overKafka = await eventwireOutcome(['run', 'seeds', '--topics', topics, '--brokers', brokers, '--progress-every', '1']);
    expect(overKafka.code).toBe(0);
    const a = embedded.filter((l) => l.topic === TOPICS.eventsEnriched).map((l) => essence(l.value as StoryEnrichedV1));
    const b = ndjson(overKafka.stdout).filter((l) => l.topic === TOPICS.eventsEnriched).map((l) => essence(l.value as StoryEnrichedV1));
    expect(b).toHaveLength(1);
    expect(b).toEqual(a);

    // --progress-every: plain progress lines on a stderr that is not a terminal (the drain takes seconds over Kafka).
    expect(overKafka.stderr).toMatch(/^run \d+\.\d s: \d+ in → \d+ ingested → .* story updates; \d+ dead letters; .*\/s$/m);
    const prefix = /^topic prefix: (run-\S+)$/m.exec(overKafka.stderr)?.[1];
    expect(prefix).toBeDefined();
    expect(overKafka.stderr).toContain(`audit it with: eventwire audit --brokers ${brokers} --prefix ${prefix}`);
    const audit = await eventwireOutcome(['audit', '--brokers', brokers, '--prefix', prefix!, '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ balanced: true, articles: { accepted: 5, inStories: 5 } });
  });
});

describe('eventwire ingest over HTTP', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `cli-ingest-${randomBytes(4).toString('hex')}.`;
  let ingestor: ServiceProcess;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    ingestor = new ServiceProcess('ingestor', { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, HTTP_PORT: String(port), LOG_LEVEL: 'warn' });
    await waitFor('the ingestor', async () => ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok ? true : undefined), 120_000);
  });

  afterAll(async () => {
    await ingestor?.stop();
  });

  it('streams an NDJSON file through the batch endpoint in chunks, naming each refused line and counting the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventwire-cli-ingest-'));
    const seeds = readdirSync(join(REPO, 'seeds')).sort();
    const articles = seeds.map((file) => JSON.stringify({ body: readFileSync(join(REPO, 'seeds', file), 'utf8'), file }));
    // Line 3 is not JSON, line 6 has no body: the ingestor refuses both, line by line, and takes the five seeds.
    const lines = [articles[0], articles[1], '{not json', articles[2], articles[3], JSON.stringify({ title: 'no body' }), articles[4]];
    const file = join(dir, 'dump.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const outcome = await eventwireOutcome(['ingest', file, '--url', url, '--batch', '2', '--concurrency', '2', '--progress-every', '1']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^dump\.ndjson:3: INVALID_JSON: /m);
    expect(outcome.stderr).toMatch(/^dump\.ndjson:6: INVALID_ARTICLE: /m);
    expect(outcome.stderr).toMatch(/^eventwire ingest: 7 articles sent, 5 accepted, 2 refused, 0 failed in .*; (INVALID_JSON 1, INVALID_ARTICLE 1|INVALID_ARTICLE 1, INVALID_JSON 1)$/m);
  });

  it('counts every article refused over HTTP in the audit: batch lines, single articles, and requests refused whole', async () => {
    const post = (path: string, body: string, type = 'application/json'): Promise<Response> =>
      fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('/v1/articles', '{"body": ')).status).toBe(400);
    expect((await post('/v1/articles', JSON.stringify({ title: 'no body' }))).status).toBe(400);
    expect((await post('/v1/articles', JSON.stringify({ body: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
    expect((await post('/v1/articles', JSON.stringify({ body: 'جميع الحقوق محفوظة\n\nاشترك في النشرة البريدية' }))).status).toBe(422);
    expect((await post('/v1/articles/batch', '{oops\n{"title":"no body"}\n', 'application/x-ndjson')).status).toBe(400);
    // Not articles refused: no such route, and a batch with no line at all.
    expect((await post('/v1/articles/batch', '\n\n', 'application/x-ndjson')).status).toBe(400);

    // The ingest above refused 2 lines; here 4 single articles and 2 batch lines: 8 over HTTP.
    const reasons = { INVALID_JSON: 3, INVALID_ARTICLE: 3, REQUEST_TOO_LARGE: 1, NO_CONTENT: 1 };
    const report = await waitFor(
      'eight HTTP rejections on the rejections topic',
      async () => {
        const audit = await eventwireOutcome(['audit', '--brokers', brokers, '--prefix', prefix, '--json']);
        const parsed = JSON.parse(audit.stdout) as { rejectedOverHttp: Record<string, number> };
        return Object.values(parsed.rejectedOverHttp).reduce((a, b) => a + b, 0) >= 8 ? parsed : undefined;
      },
      60_000,
    );
    expect(report.rejectedOverHttp).toEqual(reasons);
    const text = await eventwireOutcome(['audit', '--brokers', brokers, '--prefix', prefix]);
    expect(text.stdout).toMatch(/^rejected at ingestion: 8 \(on articles\.raw\.v1: none; over HTTP: INVALID_(JSON|ARTICLE) 3, INVALID_(JSON|ARTICLE) 3, /m);
  });

  it('embedded with --serve: after the run, serves the page and the story until SIGTERM', async () => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'eventwire.js'), 'run', 'seeds', '--serve', '0', '--out', '/dev/null'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /serving the page at (http:\/\/\S+\/) /.exec(stderr);
          if (found) resolve(found[1]!);
        });
        void exited.then(() => reject(new Error(`eventwire exited before serving:\n${stderr}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script src="/page/page.js" type="module">');
      expect((await fetch(`${url}page/vendor/countries-110m.json`)).status).toBe(200);
      const { stories } = (await (await fetch(`${url}v1/stories`)).json()) as { stories: StoryEnrichedV1[] };
      expect(stories.map((s) => s.numArticles)).toEqual([5]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

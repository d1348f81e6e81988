import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = join(__dirname, '..');

interface Line {
  topic: string;
  key: string;
  value: unknown;
}

async function eventwire(args: string[]): Promise<Line[]> {
  const { stdout } = await run(process.execPath, [join(REPO, 'bin', 'eventwire.js'), ...args], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 170_000,
  });
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

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

  beforeAll(async () => {
    embedded = await eventwire(['run', 'seeds', '--topics', topics]);
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

  it('over the real broker gives the same story as embedded', async () => {
    const overKafka = await eventwire(['run', 'seeds', '--topics', topics, '--brokers', process.env.KAFKA_BROKERS!]);
    const a = embedded.filter((l) => l.topic === TOPICS.eventsEnriched).map((l) => essence(l.value as StoryEnrichedV1));
    const b = overKafka.filter((l) => l.topic === TOPICS.eventsEnriched).map((l) => essence(l.value as StoryEnrichedV1));
    expect(b).toHaveLength(1);
    expect(b).toEqual(a);
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

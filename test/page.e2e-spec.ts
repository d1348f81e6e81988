import { StoryClusterer } from '@eventwire/clustering';
import { EventExtractedV1, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { KnowledgeBase } from '@eventwire/kb';
import { Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { browserDescribe, launchChromium, TEST_OUTPUT } from './support/browser';
import { extractedSeeds } from './support/seed-events';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { TopicCollector } from './support/topic-collector';

const DAY_MS = 86_400_000;

/**
 * Extracted events that make 1,000 stories: the seeds' events copied with new
 * ids and outlets, a title word of their own (in the title and its terms: the
 * same five texts over and over would otherwise become too common to match),
 * dates eight days apart (beyond the clusterer's seven-day window) and
 * Kazakhstan replaced by one of four countries. Copy `i` has `1 + i % 5`
 * articles; the real StoryClusterer decides which make one story, and the
 * events stop at the one that makes its 1,000th. The first copy's title is
 * translated to French, so its story's gist is in French.
 */
function thousandStoryEvents(seeds: EventExtractedV1[]): EventExtractedV1[] {
  const kb = KnowledgeBase.bundled();
  const places = ['country:KAZ', 'country:EGY', 'country:FRA', 'country:BRA'].map((id) => kb.get(id)!);
  const clusterer = new StoryClusterer();
  const events: EventExtractedV1[] = [];
  for (let i = 0; clusterer.size < 1000; i++) {
    const place = places[i % places.length]!;
    const day = new Date(Date.UTC(1990, 0, 1) + i * 8 * DAY_MS).toISOString().slice(0, 10);
    const word = `s${i}`;
    for (const [n, seed] of seeds.slice(0, 1 + (i % seeds.length)).entries()) {
      if (clusterer.size >= 1000) break;
      // The country everywhere the record names it: entities, actors, the event's place.
      const moved = JSON.parse(
        JSON.stringify(seed).replaceAll('country:KAZ', place.id).replaceAll('"KAZ"', `"${place.countryCode}"`).replaceAll('"Kazakhstan"', `"${place.name}"`),
      ) as EventExtractedV1;
      for (const e of moved.entities) if (e.id === place.id) Object.assign(e, { lat: place.lat, lon: place.lon });
      if (moved.event?.location?.entityId === place.id) Object.assign(moved.event.location, { lat: place.lat, lon: place.lon });
      const event: EventExtractedV1 = {
        ...moved,
        articleId: `${seed.articleId.slice(0, 48)}${i.toString(16).padStart(8, '0')}${n.toString(16).padStart(8, '0')}`,
        source: { ...seed.source, outlet: `${seed.source.outlet}-${i % 37}` },
        title: `${seed.title} ${word}`,
        titleTerms: [...(moved.titleTerms ?? []), word],
        terms: [{ term: word, weight: 3 }, ...(moved.terms ?? [])],
        publishedAt: `${day}T08:0${n}:00.000Z`,
        eventDate: { ...seed.eventDate, date: seed.eventDate.date === null ? null : day },
        ...(i === 0 ? { titleEn: null, titleTranslation: { language: 'fr', text: 'La Russie déploie des troupes (gist fr)' } } : {}),
      };
      clusterer.add(event);
      events.push(event);
    }
  }
  return events;
}

/**
 * The page at `/` in Debian's chromium, served by the aggregator service over
 * the real broker with its embedded store (PGlite): the seeds' story with its
 * outlets, on the map, its troop claim with its source, a sixth article
 * arriving over the live stream without a reload; and the time to first
 * render of 1,000 stories a second aggregator made and serves.
 */
browserDescribe('the page in a real browser', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `page-${randomBytes(4).toString('hex')}.`;
  let producer: Producer;
  let aggregator: ServiceProcess | null = null;
  let thousand: ServiceProcess | null = null;
  let browser: { context: BrowserContext; close(): Promise<void> } | null = null;
  let seeds: EventExtractedV1[];
  let port = 0;
  const base = (): string => `http://127.0.0.1:${port}`;
  const send = (batch: EventExtractedV1[]) =>
    producer.send({ topic: prefix + TOPICS.eventsExtracted, messages: batch.map((e) => ({ key: e.articleId, value: JSON.stringify(e) })) });
  const stories = async (): Promise<StoryEnrichedV1[]> => ((await (await fetch(`${base()}/v1/stories`)).json()) as { stories: StoryEnrichedV1[] }).stories;

  beforeAll(async () => {
    seeds = await extractedSeeds();
    port = await freePort();
    producer = TopicCollector.kafka(brokers).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    aggregator = new ServiceProcess('aggregator', {
      HTTP_PORT: String(port),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      // The embedded store, as `eventwire run --serve` has it: PGlite in memory.
      DATABASE_URL: 'memory:',
      STORY_EMIT_INTERVAL_MS: '200',
    });
    await waitFor('the story API', async () => ((await fetch(`${base()}/healthz`)).ok ? true : undefined), 60_000);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await aggregator?.stop();
    await thousand?.stop();
    await producer?.disconnect();
  });

  afterEach(() => {
    for (const service of [aggregator, thousand]) if (service && !service.running) process.stderr.write(service.logs());
  });

  /** A page that fails the test on any script error of its own. */
  async function open(path = '/'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser!.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(base() + path);
    return { page, errors };
  }

  it('lists the seeds’ story with its five outlets, maps it in Kazakhstan, shows the 2,500-troop claim with its source, and takes a sixth article live', async () => {
    await send(seeds);
    const story = await waitFor('the seeds’ story', async () => (await stories()).find((s) => s.numArticles === 5));
    const place = story.events?.find((e) => e.location?.countryCode === 'KAZ')?.location;
    expect(place?.name).toBe('Kazakhstan');

    const { page, errors } = await open();
    const item = page.locator(`.story[data-story-id="${story.storyId}"]`);
    await item.waitFor();
    const outlets = seeds.map((e) => e.source.outlet!);
    expect(outlets).toHaveLength(5);
    const listed = await item.locator('.outlets').innerText();
    for (const outlet of outlets) expect(listed).toContain(outlet);
    expect(await item.innerText()).toContain('5 articles · 5 outlets');
    // The title is Arabic, set right to left.
    expect(await item.locator('.title').getAttribute('dir')).toBe('rtl');
    expect(await item.locator('.title').getAttribute('lang')).toBe('ar');
    // Beside it the stub's gist of the lead article's title, marked in the translation's language.
    expect(story.titleTranslation).toEqual({ language: 'en', text: expect.stringMatching(/^\[gist\] .*Kazakhstan$/) });
    expect(await item.locator('.gist').innerText()).toBe(story.titleTranslation!.text);
    expect(await item.locator('.gist').getAttribute('lang')).toBe('en');

    await page.locator('#map .marker[data-place="Kazakhstan"]').waitFor();
    await page.locator('#map .country.has-story[data-country="Kazakhstan"]').waitFor();

    // Keyboard: the story is a button that Enter opens.
    await item.focus();
    await page.keyboard.press('Enter');
    const troops = page.locator('#detail tr[data-category="peacekeepers"]');
    await troops.waitFor();
    const troopSource = seeds.find((e) => e.quantities.some((q) => q.category === 'peacekeepers' && q.value === 2500))!;
    expect(await troops.innerText()).toMatch(/about 2,500\s*—\s*/);
    expect(await troops.locator('.sources').innerText()).toBe(troopSource.source.outlet);
    // Provenance: the claim's words as the source wrote them, marked in the article's text, in view.
    await troops.locator('button.claim').click();
    const claimed = troopSource.quantities.find((q) => q.value === 2500)!;
    const written = claimed.text;
    await page.locator('#provenance mark', { hasText: written }).waitFor();
    const articleText = page.locator(`#article-text[data-article-id="${troopSource.articleId}"]`);
    await articleText.locator('mark', { hasText: written }).waitFor();
    expect(await articleText.getAttribute('lang')).toBe('ar');
    expect(await articleText.getAttribute('dir')).toBe('rtl');
    // The whole article is there, and the mark is its span.
    expect(await articleText.innerText()).toContain(troopSource.body!.slice(claimed.end, claimed.end + 40).trim());
    // In the page (this project's types have no DOM): the text before the mark, and whether the mark is in view, in its box and in the window.
    const [offset, inView] = (await page.evaluate(`(() => {
      const box = document.querySelector('#article-text');
      const mark = box.querySelector('mark');
      const before = document.createRange();
      before.setStart(box, 0);
      before.setEndBefore(mark);
      const m = mark.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      return [before.toString().length, m.top >= frame.top && m.bottom <= frame.bottom && m.top >= 0 && m.bottom <= innerHeight];
    })()`)) as [number, boolean];
    expect(offset).toBe(claimed.start);
    expect(inView).toBe(true);
    // Keyboard: an entity chosen with Enter shows its mentions in a member's text.
    await page.locator('#detail tr[data-entity-id="org:csto"] button.fact').focus();
    await page.keyboard.press('Enter');
    const firstWithCsto = seeds.find((e) => e.articleId === story.entities.find((x) => x.id === 'org:csto')!.articleIds[0])!;
    const cstoMentions = [...firstWithCsto.entities.find((x) => x.id === 'org:csto')!.mentions].sort((a, b) => a.start - b.start);
    const cstoText = page.locator(`#article-text[data-article-id="${firstWithCsto.articleId}"]`);
    await cstoText.locator('mark').first().waitFor();
    expect(await cstoText.locator('mark').allInnerTexts()).toEqual(cstoMentions.map((m) => m.text));
    expect(await page.locator('#provenance .fact-status').innerText()).toContain(`${cstoMentions.length} span`);
    await page.locator('#provenance').screenshot({ path: join(TEST_OUTPUT, 'page-provenance.png') });

    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    const sixth: EventExtractedV1 = { ...seeds[4]!, articleId: `${seeds[4]!.articleId}00000006`, source: { ...seeds[4]!.source, outlet: 'outlet-sixth' } };
    await send([sixth]);
    await waitFor('the sixth article in the story', async () => ((await stories()).find((s) => s.storyId === story.storyId)?.numArticles === 6 ? true : undefined), 60_000);
    await page.locator(`.story.changed[data-story-id="${story.storyId}"]`, { hasText: 'outlet-sixth' }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await item.innerText()).toContain('6 articles · 6 outlets');
    // The open story follows too.
    await page.locator('#detail .outlet h4', { hasText: 'outlet-sixth' }).waitFor();

    const screenshot = join(TEST_OUTPUT, 'page.png');
    await page.evaluate('scrollTo(0, 0)');
    await page.screenshot({ path: screenshot, fullPage: false });
    process.stdout.write(`page: screenshot at ${screenshot}\n`);

    // A phone's width: everything wraps, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(TEST_OUTPUT, 'page-phone.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders 1,000 stories the aggregator made, read from its story API', async () => {
    // A second aggregator of its own (topics, PGlite), so the seeds' story is not among the thousand.
    const events = thousandStoryEvents(seeds);
    const thousandPrefix = `page-1000-${randomBytes(4).toString('hex')}.`;
    const thousandPort = await freePort();
    thousand = new ServiceProcess('aggregator', {
      HTTP_PORT: String(thousandPort),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: thousandPrefix,
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'memory:',
      STORY_EMIT_INTERVAL_MS: '200',
    });
    const at = `http://127.0.0.1:${thousandPort}`;
    await waitFor('the second story API', async () => ((await fetch(`${at}/healthz`)).ok ? true : undefined), 60_000);
    const sent = Date.now();
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({
        topic: thousandPrefix + TOPICS.eventsExtracted,
        messages: events.slice(i, i + 500).map((e) => ({ key: e.articleId, value: JSON.stringify(e) })),
      });
    }
    const last = events.at(-1)!.articleId;
    await waitFor('the last article stored', async () => ((await fetch(`${at}/v1/articles/${last}`)).ok ? true : undefined), 180_000);
    const synthetic: StoryEnrichedV1[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await (await fetch(`${at}/v1/stories?limit=200&offset=${offset}`)).json()) as { stories: StoryEnrichedV1[]; total: number };
      synthetic.push(...page.stories);
      if (page.stories.length === 0 || synthetic.length >= page.total) break;
    }
    process.stdout.write(`page: ${events.length} articles made ${synthetic.length} stories in the aggregator in ${Date.now() - sent} ms\n`);
    // The service clusters as the library does: the events were cut at the library's 1,000th story.
    expect(synthetic).toHaveLength(1000);
    expect(new Set(synthetic.map((s) => s.storyId)).size).toBe(1000);
    // Stories of one to five articles, as the clusterer joined them.
    expect(new Set(synthetic.map((s) => s.numArticles))).toEqual(new Set([1, 2, 3, 4, 5]));
    const french = synthetic.find((s) => s.titleTranslation?.language === 'fr')!;
    expect(french.titleTranslation!.text).toBe('La Russie déploie des troupes (gist fr)');

    const page = await browser!.context.newPage();
    const started = Date.now();
    await page.goto(`${at}/`);
    await page.locator('.story').first().waitFor();
    const firstRender = Date.now() - started;
    await page.locator('body[data-loaded="1000"]').waitFor();
    const allListed = Date.now() - started;
    const inPage = Number(await page.locator('body').getAttribute('data-first-render'));
    expect(await page.locator('.story').count()).toBe(1000);
    process.stdout.write(`page: 1,000 stories: first render ${firstRender} ms after navigation (${Math.round(inPage)} ms by the page's clock), all listed ${allListed} ms\n`);
    // The aim is under a second; the bound leaves room for a loaded CI machine.
    expect(firstRender).toBeLessThan(5000);
    const frenchGist = page.locator(`.story[data-story-id="${french.storyId}"] .gist`);
    expect(await frenchGist.innerText()).toBe('La Russie déploie des troupes (gist fr)');
    expect(await frenchGist.getAttribute('lang')).toBe('fr');
    expect(await frenchGist.getAttribute('dir')).toBe('ltr');

    // Filters: a place clicked on the map, then cleared; the date range; text; an entity chosen in a story.
    const count = (n: number) => page.locator('#count', { hasText: `(${n} of 1000)` }).waitFor();
    const inEgypt = synthetic.filter((s) => (s.events ?? []).some((e) => e.location?.name === 'Egypt' && typeof e.location.lat === 'number')).length;
    expect(inEgypt).toBeGreaterThan(0);
    await page.locator('#map .marker[data-place="Egypt"]').click();
    await count(inEgypt);
    await page.locator('#f-place-clear').click();
    await count(1000);
    await page.locator('#f-from').fill('2005-01-01');
    const from2005 = synthetic.filter((s) => (s.dateRange.end ?? s.dateRange.start ?? '') >= '2005-01-01').length;
    expect(from2005).toBeGreaterThan(0);
    expect(from2005).toBeLessThan(1000);
    await count(from2005);
    await page.locator('#f-from').fill('');
    await count(1000);
    // A title, with its own word (the last copy's: no other copy's word begins with it): the story that has it, and any other its copy was split into.
    const copyOf = (s: StoryEnrichedV1): number => Number(/ s(\d+)$/.exec(s.title ?? '')?.[1] ?? -1);
    const title = synthetic.reduce((a, b) => (copyOf(b) > copyOf(a) ? b : a)).title!;
    const titled = synthetic.filter((s) => [s.title, ...s.articles.map((a) => a.title)].some((t) => t?.includes(title))).length;
    expect(titled).toBeLessThan(3);
    await page.locator('#f-text').fill(title);
    await count(titled);
    await page.locator('#f-text').fill('');
    await count(1000);
    // The text filter reads the translated titles too.
    await page.locator('#f-text').fill('gist fr');
    await count(1);
    await page.locator('#f-text').fill('');
    await count(1000);
    const egyptian = synthetic.find((s) => s.entities.some((e) => e.id === 'country:EGY'))!;
    const namingEgypt = synthetic.filter((s) => s.entities.some((e) => e.id === 'country:EGY')).length;
    expect(namingEgypt).toBeLessThan(1000);
    await page.locator(`.story[data-story-id="${egyptian.storyId}"]`).click();
    const chip = page.locator('#detail .chips [data-filter-entity="country:EGY"]');
    await chip.click();
    await count(namingEgypt);
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#f-entity-name').innerText()).toBe('Entity: Egypt');
    await page.locator('#f-entity-clear').click();
    await count(1000);
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});

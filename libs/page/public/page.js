// The story page: the aggregator's REST API for the first view, its live stream (SSE) for every change after.
// Plain ES module, no build step; the map libraries (d3-geo, topojson-client) are classic scripts loaded before it.

const PAGE_SIZE = 200;
const MAX_STORIES = 1000;
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);

/** storyId → the latest record seen, from the API or the stream. */
const stories = new Map();
/** Story ids changed over the stream since the page opened: marked in the list until opened. */
const changed = new Set();
const filter = { text: '', country: '', type: '', place: '', entity: '', from: '', to: '' };
let order = 'newest';
let openId = null;

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text nodes: record text never becomes markup). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Text in its own language and direction: Arabic right to left inside an English page. */
function text(tag, value, language, attrs = {}) {
  const lang = language ?? undefined;
  return el(tag, { ...attrs, lang, dir: lang ? (RTL.has(lang) ? 'rtl' : 'ltr') : 'auto' }, value ?? '');
}

/**
 * A story's or an article's translated title with its language (`titleTranslation`,
 * events.enriched.v1 from v1.4); a record without one may still have an English
 * title in the deprecated `titleEn`.
 */
function translatedTitle(record) {
  return record.titleTranslation ?? (record.titleEn ? { language: 'en', text: record.titleEn } : null);
}

function outletOf(article) {
  const source = article.source ?? {};
  if (source.outlet) return source.outlet;
  if (source.url) {
    try {
      return new URL(source.url).hostname;
    } catch {
      /* not a URL: fall through */
    }
  }
  return source.file ?? article.articleId;
}

const outletsOf = (story) => [...new Set(story.articles.map(outletOf))];
const placesOf = (story) => (story.events ?? []).map((e) => e.location).filter((l) => l && typeof l.lat === 'number' && typeof l.lon === 'number');
const countriesOf = (story) =>
  new Set([...story.entities.filter((e) => e.countryCode).map((e) => e.countryCode), ...(story.events ?? []).map((e) => e.location?.countryCode).filter(Boolean)]);
const dateRangeText = ({ start, end }) => (start ? (end && end !== start ? `${start} – ${end}` : start) : 'undated');

/** Whether the filters keep a story; the map's markers ignore the place filter, so that another place can be chosen. */
function matches(story, ignorePlace = false) {
  if (filter.type && !story.eventTypes.includes(filter.type)) return false;
  if (filter.country && !countriesOf(story).has(filter.country)) return false;
  if (filter.entity && !story.entities.some((e) => e.id === filter.entity)) return false;
  // A story is kept when its date range meets [from, to]; an undated story only when no date is asked for.
  const start = story.dateRange.start ?? story.dateRange.end;
  const end = story.dateRange.end ?? story.dateRange.start;
  if (filter.from && !(end && end >= filter.from)) return false;
  if (filter.to && !(start && start <= filter.to)) return false;
  if (filter.place && !ignorePlace && !placesOf(story).some((p) => p.id === filter.place)) return false;
  if (filter.text) {
    const hay = [story.title, translatedTitle(story)?.text, ...story.articles.map((a) => `${a.title ?? ''} ${translatedTitle(a)?.text ?? ''}`), ...outletsOf(story), ...story.entities.map((e) => e.name)]
      .join(' ')
      .toLowerCase();
    if (!hay.includes(filter.text.toLowerCase())) return false;
  }
  return true;
}

function sorted(list) {
  const newest = (s) => `${s.dateRange.end ?? ''}|${s.updatedAt}`;
  return order === 'biggest'
    ? list.sort((a, b) => b.numArticles - a.numArticles || newest(b).localeCompare(newest(a)))
    : list.sort((a, b) => newest(b).localeCompare(newest(a)) || b.numArticles - a.numArticles);
}

function storyItem(story) {
  const language = story.languages.length === 1 ? story.languages[0] : null;
  const outlets = outletsOf(story);
  const gist = translatedTitle(story);
  const button = el(
    'button',
    {
      type: 'button',
      class: `story${changed.has(story.storyId) ? ' changed' : ''}`,
      'data-story-id': story.storyId,
      'aria-current': story.storyId === openId ? 'true' : null,
      onclick: () => openStory(story.storyId),
    },
    text('span', story.title ?? '(untitled)', language, { class: 'title' }),
    changed.has(story.storyId) ? el('span', { class: 'badge' }, 'updated') : null,
    gist && gist.text !== story.title ? text('span', gist.text, gist.language, { class: 'gist' }) : null,
    el(
      'span',
      { class: 'meta' },
      `${story.numArticles} article${story.numArticles === 1 ? '' : 's'} · ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: `,
      el('span', { class: 'outlets' }, outlets.join(', ')),
      ` · ${dateRangeText(story.dateRange)} · ${story.languages.join(', ') || 'language unknown'}`,
      story.eventTypes.length ? ` · ${story.eventTypes.join(', ')}` : '',
    ),
  );
  return el('li', {}, button);
}

let renderQueued = false;
/** One list render per frame however many stream events arrive in it. */
function renderSoon() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function render() {
  const shown = sorted([...stories.values()].filter((story) => matches(story)));
  const fragment = document.createDocumentFragment();
  for (const story of shown) fragment.append(storyItem(story));
  $('stories').replaceChildren(fragment);
  $('count').textContent = `(${shown.length} of ${stories.size})`;
  renderFilterOptions();
  renderPlaces();
  drawMarkers();
}

function renderFilterOptions() {
  const fill = (select, values, label) => {
    const current = select.value;
    const wanted = ['', ...values].join('\u0000');
    if (select.dataset.values === wanted) return;
    select.dataset.values = wanted;
    select.replaceChildren(el('option', { value: '' }, 'any'), ...values.map((v) => el('option', { value: v }, label(v))));
    select.value = values.includes(current) ? current : '';
  };
  const all = [...stories.values()];
  fill($('f-type'), [...new Set(all.flatMap((s) => s.eventTypes))].sort(), (v) => v);
  const names = new Map();
  for (const s of all) {
    for (const e of s.entities) if (e.countryCode && e.type === 'country') names.set(e.countryCode, e.name);
    for (const e of s.events ?? []) if (e.location?.countryCode && !names.has(e.location.countryCode)) names.set(e.location.countryCode, e.location.countryCode);
  }
  fill($('f-country'), [...names.keys()].sort(), (code) => `${names.get(code)} (${code})`);
}

/** Places of the stories shown, with how many stories each: the map's markers and the keyboard's list of them. */
function placeCounts() {
  const places = new Map();
  for (const story of stories.values()) {
    if (!matches(story, true)) continue;
    for (const place of new Map(placesOf(story).map((p) => [p.id, p])).values()) {
      const entry = places.get(place.id) ?? { ...place, stories: 0 };
      entry.stories += 1;
      places.set(place.id, entry);
    }
  }
  return [...places.values()].sort((a, b) => b.stories - a.stories);
}

function choosePlace(id) {
  filter.place = filter.place === id ? '' : id;
  const place = placeCounts().find((p) => p.id === filter.place);
  $('f-place-chip').hidden = !filter.place;
  $('f-place-name').textContent = place ? `Place: ${place.name}` : '';
  render();
}

/** Keeps the stories that name an entity (as the API's `entity=` does), or all again when it is chosen a second time. */
function chooseEntity(id, name) {
  filter.entity = filter.entity === id ? '' : id;
  $('f-entity-chip').hidden = !filter.entity;
  $('f-entity-name').textContent = filter.entity ? `Entity: ${name}` : '';
  for (const chip of document.querySelectorAll('[data-filter-entity]')) chip.setAttribute('aria-pressed', String(chip.dataset.filterEntity === filter.entity));
  render();
}

/** A toggle that keeps the list to the stories naming `entity`: a chip in the story view, a button in its entity table. */
function entityFilter(entity, label) {
  return el(
    'button',
    { type: 'button', class: 'chip', dir: 'auto', 'data-filter-entity': entity.id, 'aria-pressed': filter.entity === entity.id ? 'true' : 'false', 'aria-label': `List only the stories naming ${entity.name}`, onclick: () => chooseEntity(entity.id, entity.name) },
    label,
  );
}

function renderPlaces() {
  $('places').replaceChildren(
    ...placeCounts()
      .slice(0, 30)
      .map((p) =>
        el('li', {}, el('button', { type: 'button', class: 'chip', 'data-place': p.name, 'aria-pressed': filter.place === p.id ? 'true' : 'false', onclick: () => choosePlace(p.id) }, `${p.name} (${p.stories})`)),
      ),
  );
}

// ---- map: world-atlas' Natural Earth countries, projected by d3-geo, no tile server ----

const SVG = 'http://www.w3.org/2000/svg';
let projection = null;
let markerLayer = null;
let countryPaths = [];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

async function drawMap() {
  if (!window.d3 || !window.topojson) throw new Error('the map libraries did not load');
  const world = await (await fetch('/page/vendor/countries-110m.json')).json();
  const countries = window.topojson.feature(world, world.objects.countries);
  const width = 960;
  const height = 470;
  projection = window.d3.geoEqualEarth().fitSize([width, height], countries);
  const path = window.d3.geoPath(projection);
  countryPaths = countries.features.map((f) => ({ feature: f, node: svg('path', { class: 'country', d: path(f), 'data-country': f.properties.name }, svg('title', {}, f.properties.name)) }));
  markerLayer = svg('g', { class: 'markers' });
  const map = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'World map of the stories’ event places' }, svg('g', {}, ...countryPaths.map((c) => c.node)), markerLayer);
  $('map').replaceChildren(map);
  drawMarkers();
}

function drawMarkers() {
  if (!projection || !markerLayer) return;
  const places = placeCounts();
  for (const c of countryPaths) c.node.classList.toggle('has-story', places.some((p) => window.d3.geoContains(c.feature, [p.lon, p.lat])));
  markerLayer.replaceChildren(
    ...places.map((p) => {
      const [x, y] = projection([p.lon, p.lat]);
      const label = `${p.name}: ${p.stories} stor${p.stories === 1 ? 'y' : 'ies'}`;
      const link = svg('a', { href: `#place=${encodeURIComponent(p.id)}`, class: `marker${filter.place === p.id ? ' selected' : ''}`, 'data-place': p.name, 'aria-label': label }, svg('circle', { cx: x, cy: y, r: 4 + 3 * Math.sqrt(p.stories) }), svg('title', {}, label));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        choosePlace(p.id);
      });
      return link;
    }),
  );
}

// ---- story view ----

/** Article records (GET /v1/articles/{id}) by id: quotes, quantities' words, publication times. */
const articleCache = new Map();
async function articleRecord(id) {
  if (!articleCache.has(id)) articleCache.set(id, fetch(`/v1/articles/${encodeURIComponent(id)}`).then((r) => (r.ok ? r.json().then((b) => b.article) : null)));
  return articleCache.get(id);
}

/** Opens a story (a person chose it: its mark goes), or redraws the open one as the stream changes it (`refresh`: the mark stays, focus does not move). */
async function openStory(id, refresh = false) {
  openId = id;
  if (!refresh) {
    changed.delete(id);
    history.replaceState(null, '', `#story=${encodeURIComponent(id)}`);
  }
  let story = stories.get(id);
  if (!story) {
    // A story merged away: its id leads to the one it joined.
    const response = await fetch(`/v1/stories/${encodeURIComponent(id)}`);
    if (!response.ok) return;
    story = await response.json();
    stories.set(story.storyId, story);
    if (openId === id) openId = story.storyId;
  }
  renderSoon();
  const records = new Map((await Promise.all(story.articles.map(async (a) => [a.articleId, await articleRecord(a.articleId)]))).filter(([, r]) => r));
  if (openId !== story.storyId) return;
  renderDetail(story, records);
  $('detail').hidden = false;
  if (!refresh) $('detail-heading').focus();
}

/** "CSTO, Russia → Kazakhstan": who acts on whom in a story event. */
function actorsText(event) {
  const names = (actors) => actors.map((a) => a.name).join(', ');
  if (event.source.length === 0 && event.target.length === 0) return 'no actors';
  return event.target.length ? `${names(event.source) || '?'} → ${names(event.target)}` : names(event.source);
}

/** The fact whose provenance is shown, so that a story redrawn by the stream shows it again: { storyId, kind, key, chosen }. */
let shownFact = null;

/** An article's text with the spans marked; a span that overlaps an earlier one or falls outside the text stays unmarked. */
function markedText(body, spans) {
  const parts = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > body.length || span.end <= span.start) continue;
    parts.push(body.slice(at, span.start), el('mark', {}, body.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(body.slice(at));
  return parts;
}

/**
 * Provenance: a fact with the member articles that state it (`sources`: { articleId, outlet, language, spans }), and
 * the chosen article's text (from GET /v1/articles/{id}) with the fact's spans marked, the first scrolled into view.
 * `scroll` is false when the stream redraws the story: the view does not jump under a reader.
 */
async function showFact(panel, label, sources, chosen, scroll) {
  const source = sources[chosen];
  const record = source ? await articleRecord(source.articleId) : null;
  if (!panel.isConnected) return;
  const words = (s) =>
    s.spans.length
      ? [text('span', s.spans[0].text, s.language, { class: 'words' }), el('span', { class: 'muted' }, ` (characters ${s.spans[0].start}–${s.spans[0].end}${s.spans.length > 1 ? `, and ${s.spans.length - 1} more` : ''})`)]
      : ['the article record has no span'];
  const list = el(
    'ul',
    { class: 'fact-sources' },
    ...sources.map((s, i) =>
      el('li', {}, el('button', { type: 'button', class: 'fact-source', 'data-article-id': s.articleId, 'aria-pressed': i === chosen ? 'true' : 'false', onclick: () => chooseFact({ ...shownFact, chosen: i }, true) }, el('strong', {}, s.outlet), ': ', words(s))),
    ),
  );
  let view;
  if (typeof record?.body === 'string') {
    view = text('div', null, record.language, { class: 'article-text', id: 'article-text', tabindex: '0', role: 'region', 'aria-label': `Text of the article from ${source.outlet}`, 'data-article-id': source.articleId });
    view.append(...markedText(record.body, source.spans));
  } else {
    view = el('p', { class: 'muted', id: 'article-text' }, source ? 'This article’s record has no text (it was extracted before records carried it): its words are above.' : 'No article states it.');
  }
  // A redraw keeps where the reader had scrolled the text to (the new box would start at its top).
  const before = panel.querySelector('#article-text');
  const keptScroll = !scroll && before?.dataset.articleId === source?.articleId ? before.scrollTop : null;
  panel.querySelector('.fact-body').replaceChildren(el('div', {}, `${label}, as written:`), list, view);
  if (keptScroll !== null) view.scrollTop = keptScroll;
  panel.querySelector('.fact-status').textContent = source ? `${label}: the article from ${source.outlet}, ${source.spans.length} span${source.spans.length === 1 ? '' : 's'} marked.` : `${label}: no article states it.`;
  const first = view.querySelector('mark');
  if (first && scroll) {
    // Within the text's own scroll box first (a third of the way down), then the box itself into the window.
    view.scrollTop = Math.max(0, first.offsetTop - view.clientHeight / 3);
    first.scrollIntoView({ block: 'nearest' });
  }
}

/** Set by renderDetail: shows a fact ({ kind, key, chosen }) of the open story. */
let chooseFact = () => undefined;

function renderDetail(story, records) {
  const byId = new Map(story.articles.map((a) => [a.articleId, a]));
  const outletOfId = (aid) => (byId.has(aid) ? outletOf(byId.get(aid)) : aid);
  const language = story.languages.length === 1 ? story.languages[0] : null;
  const gist = translatedTitle(story);
  const day = (a) => (records.get(a.articleId)?.publishedAt ?? '').slice(0, 10) || a.eventDate || 'undated';
  const time = (a) => records.get(a.articleId)?.publishedAt?.replace('T', ' ').slice(0, 16) ?? a.eventDate ?? 'time unknown';

  const outlets = new Map();
  for (const a of story.articles) outlets.set(outletOf(a), [...(outlets.get(outletOf(a)) ?? []), a]);
  const members = el(
    'div',
    {},
    ...[...outlets].map(([outlet, articles]) =>
      el(
        'div',
        { class: 'outlet' },
        el('h4', {}, outlet),
        el('ul', {}, ...articles.map((a) => el('li', { 'data-article-id': a.articleId }, text('span', a.title ?? '(untitled)', a.language), ' ', el('span', { class: 'muted' }, `· ${time(a)}`)))),
      ),
    ),
  );

  const roles = new Map();
  for (const event of story.events ?? []) {
    for (const actor of event.source) roles.set(actor.id, new Set([...(roles.get(actor.id) ?? []), 'source actor']));
    for (const actor of event.target) roles.set(actor.id, new Set([...(roles.get(actor.id) ?? []), 'target actor']));
    if (event.location) roles.set(event.location.id, new Set([...(roles.get(event.location.id) ?? []), 'place']));
  }
  const entities = el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Entity'), el('th', {}, 'Type'), el('th', {}, 'Role'), el('th', {}, 'Id'), el('th', {}, 'Articles'), el('th', {}, 'List'))),
    el('tbody', {}, ...story.entities.map((e) => el('tr', { 'data-entity-id': e.id }, el('td', {}, el('button', { type: 'button', class: 'fact', dir: 'auto', 'aria-label': `${e.name}: show its mentions`, onclick: () => chooseFact({ kind: 'entity', key: [e.id], chosen: 0 }, true) }, e.name)), el('td', {}, e.type), el('td', {}, [...(roles.get(e.id) ?? [])].join(', ') || 'mentioned'), el('td', {}, el('code', {}, e.id)), el('td', {}, String(e.articleCount)), el('td', {}, entityFilter(e, 'List only'))))),
  );

  // A fact's sources: each member article that states it, with the spans where it does.
  const sourceOf = (aid, spans) => ({ articleId: aid, outlet: outletOfId(aid), language: records.get(aid)?.language ?? null, spans });
  const facts = {
    claim: ([category, value]) => {
      const claim = story.quantities.find((q) => q.category === category)?.claims.find((c) => c.value === value);
      return {
        label: `${category} = ${value.toLocaleString('en')}`,
        sources: (claim?.articleIds ?? []).map((aid) => sourceOf(aid, (records.get(aid)?.quantities ?? []).filter((q) => q.category === category && q.value === value))),
      };
    },
    quote: ([aid, start]) => {
      const quote = records.get(aid)?.quotes.find((q) => q.start === start);
      return { label: `Quote of ${quote?.speaker ?? 'an unattributed speaker'}`, sources: quote ? [sourceOf(aid, [quote])] : [] };
    },
    entity: ([id]) => {
      const entity = story.entities.find((e) => e.id === id);
      return {
        label: `Mentions of ${entity?.name ?? id}`,
        sources: (entity?.articleIds ?? []).filter((aid) => records.has(aid)).map((aid) => sourceOf(aid, records.get(aid).entities.find((e) => e.id === id)?.mentions ?? [])),
      };
    },
  };
  const provenance = el(
    'div',
    { class: 'provenance', id: 'provenance' },
    el('p', { class: 'fact-status muted', role: 'status', 'aria-live': 'polite' }, 'Choose a claim, a quote or an entity to see it where each source wrote it.'),
    el('div', { class: 'fact-body' }),
  );
  chooseFact = (fact, scroll) => {
    shownFact = { storyId: story.storyId, ...fact };
    const { label, sources } = facts[fact.kind](fact.key);
    void showFact(provenance, label, sources, Math.min(fact.chosen, Math.max(0, sources.length - 1)), scroll);
  };
  const quantities = el(
    'table',
    {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Quantity'), el('th', {}, 'Claims, by source'))),
    el(
      'tbody',
      {},
      ...story.quantities.map((q) =>
        el(
          'tr',
          { 'data-category': q.category },
          el('td', {}, q.category, q.conflict ? el('span', { class: 'conflict' }, ' ⚠ sources disagree') : null),
          el(
            'td',
            {},
            el(
              'ul',
              {},
              ...q.claims.map((c) =>
                el(
                  'li',
                  { class: 'claim-row' },
                  el('button', { type: 'button', class: 'claim', onclick: () => chooseFact({ kind: 'claim', key: [q.category, c.value], chosen: 0 }, true) }, `${c.qualifier ? `${c.qualifier.replace(/-/g, ' ')} ` : ''}${c.approximate && !c.qualifier ? '~' : ''}${c.value.toLocaleString('en')}`),
                  ' — ',
                  el('span', { class: 'sources' }, c.articleIds.map(outletOfId).join(', ')),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );

  const quotes = [...records.values()].flatMap((r) => r.quotes.map((q) => ({ ...q, articleId: r.articleId, language: r.language, outlet: outletOfId(r.articleId) })));

  const eventsByDay = new Map();
  for (const event of story.events ?? []) eventsByDay.set(event.date ?? 'undated', [...(eventsByDay.get(event.date ?? 'undated') ?? []), event]);
  const articlesByDay = new Map();
  for (const a of story.articles) articlesByDay.set(day(a), [...(articlesByDay.get(day(a)) ?? []), a]);
  const timeline = el(
    'div',
    {},
    el('h4', {}, 'Events by day'),
    el(
      'ul',
      { class: 'timeline' },
      ...[...eventsByDay].sort().map(([date, events]) =>
        el('li', {}, el('strong', {}, date), ': ', events.map((e) => `${e.type ?? 'uncoded'}${e.location ? ` in ${e.location.name}` : ''} (${actorsText(e)}; ${e.articleIds.length} article${e.articleIds.length === 1 ? '' : 's'})`).join('; ')),
      ),
    ),
    el('h4', {}, 'Articles by day and outlet'),
    el(
      'ul',
      { class: 'timeline' },
      ...[...articlesByDay].sort().map(([date, articles]) =>
        el('li', {}, el('strong', {}, date), ' ', el('span', { class: 'bar', style: `width:${articles.length * 1.2}rem`, 'aria-hidden': 'true' }), ` ${articles.length}: `, [...new Set(articles.map(outletOf))].join(', ')),
      ),
    ),
  );

  // The entities most of the story's articles name, as filters of the list; every entity has one in the table below.
  const entityChips = [...story.entities]
    .sort((a, b) => b.articleCount - a.articleCount)
    .slice(0, 10)
    .map((e) => el('li', {}, entityFilter(e, e.name)));

  $('detail-heading').setAttribute('tabindex', '-1');
  $('detail-body').replaceChildren(
    text('p', story.title ?? '(untitled)', language, { class: 'title' }),
    gist ? text('p', gist.text, gist.language, { class: 'muted' }) : null,
    el('p', { class: 'muted' }, `${story.numArticles} articles from ${outletsOf(story).length} outlets · ${dateRangeText(story.dateRange)} · ${story.eventTypes.join(', ') || 'no event type'} · version ${story.version}`),
    el('p', { class: 'muted', id: 'entity-chips-label' }, 'List only the stories that name:'),
    el('ul', { class: 'chips', 'aria-labelledby': 'entity-chips-label' }, ...entityChips),
    el('h3', {}, 'Timeline'),
    timeline,
    el('h3', {}, 'Articles by outlet'),
    members,
    el('h3', {}, 'Quantities'),
    story.quantities.length ? quantities : el('p', { class: 'muted' }, 'No quantities stated.'),
    provenance,
    el('h3', {}, 'Quotes'),
    quotes.length ? el('ul', { class: 'quotes' }, ...quotes.map((q) => el('li', {}, el('button', { type: 'button', class: 'fact', onclick: () => chooseFact({ kind: 'quote', key: [q.articleId, q.start], chosen: 0 }, true) }, text('q', q.text, q.language)), ' — ', el('strong', {}, q.speaker ?? 'unattributed'), el('span', { class: 'muted' }, ` (${q.outlet})`)))) : el('p', { class: 'muted' }, 'No quotes.'),
    el('h3', {}, 'Entities'),
    entities,
  );
  if (shownFact?.storyId === story.storyId) chooseFact(shownFact, false);
}

// ---- loading and the live stream ----

async function loadStories() {
  for (let offset = 0; offset < MAX_STORIES; offset += PAGE_SIZE) {
    const response = await fetch(`/v1/stories?limit=${PAGE_SIZE}&offset=${offset}`);
    if (!response.ok) throw new Error(`GET /v1/stories answered ${response.status}`);
    const page = await response.json();
    for (const story of page.stories) if (!(stories.get(story.storyId)?.version >= story.version)) stories.set(story.storyId, story);
    render();
    if (offset === 0) document.body.dataset.firstRender = String(performance.now());
    if (offset + page.stories.length >= page.total || page.stories.length === 0) break;
  }
  document.body.dataset.loaded = String(stories.size);
}

function listen() {
  const stream = new EventSource('/v1/stories/stream');
  let interrupted = false;
  stream.addEventListener('open', () => {
    $('status').textContent = 'Live: updates arrive as stories change.';
    // What changed while the stream was away is read again from the API.
    if (interrupted) void loadStories().catch(() => undefined);
    interrupted = false;
  });
  stream.addEventListener('error', () => {
    interrupted = true;
    $('status').textContent = 'Live stream interrupted; reconnecting…';
  });
  stream.addEventListener('story', (event) => {
    const story = JSON.parse(event.data);
    const known = stories.get(story.storyId);
    if (known && known.version >= story.version) return;
    stories.set(story.storyId, story);
    changed.add(story.storyId);
    if (story.storyId === openId) void openStory(openId, true);
    renderSoon();
  });
  stream.addEventListener('deleted', (event) => {
    const { storyId } = JSON.parse(event.data);
    stories.delete(storyId);
    changed.delete(storyId);
    if (storyId === openId) void openStory(storyId, true);
    renderSoon();
  });
}

$('filters').addEventListener('submit', (event) => event.preventDefault());
$('f-text').addEventListener('input', (event) => {
  filter.text = event.target.value.trim();
  renderSoon();
});
$('f-country').addEventListener('change', (event) => {
  filter.country = event.target.value;
  renderSoon();
});
$('f-type').addEventListener('change', (event) => {
  filter.type = event.target.value;
  renderSoon();
});
for (const key of ['from', 'to']) {
  $(`f-${key}`).addEventListener('change', (event) => {
    filter[key] = event.target.value;
    renderSoon();
  });
}
$('f-order').addEventListener('change', (event) => {
  order = event.target.value;
  renderSoon();
});
$('f-place-clear').addEventListener('click', () => choosePlace(filter.place));
$('f-entity-clear').addEventListener('click', () => chooseEntity(filter.entity, ''));

listen();
loadStories()
  .then(() => {
    $('status').textContent = `${stories.size} stor${stories.size === 1 ? 'y' : 'ies'} loaded; live.`;
    const wanted = /^#story=(.+)$/.exec(location.hash);
    if (wanted) void openStory(decodeURIComponent(wanted[1]));
  })
  .catch((error) => ($('status').textContent = `Could not load stories: ${error.message}`));
drawMap().catch((error) => $('map').replaceChildren(el('p', { class: 'muted' }, `No map: ${error.message}`)));

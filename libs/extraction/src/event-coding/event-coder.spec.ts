import type { ArticleTranslatedV1, EventCoding, EventExtractedV1 } from '@eventwire/contracts';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventExtractor } from '../event-extractor';

const ingester = new ArticleIngester({ maxBodyBytes: 1024 * 1024, now: () => new Date('2026-11-23T00:00:00Z') });
const extractor = new EventExtractor(KnowledgeBase.bundled());

function extract(body: string): EventExtractedV1 {
  const ingested = ingester.ingest({ body, format: 'txt' });
  const article: ArticleTranslatedV1 = {
    ...ingested,
    translation: { engine: 'stub', engineVersion: '1', target: 'en', title: null, segments: [], glossary: [] },
  };
  return extractor.extract(article);
}

function coded(body: string): EventCoding {
  const event = extract(body).event;
  if (!event) throw new Error(`no event coded in: ${body}`);
  return event;
}

const codes = (actors: EventCoding['source']): string[] => actors.map((a) => a.code);

describe('event coding', () => {
  it('codes an Arabic verb-first sentence: the subject after the verb, the target after إلى, mode from the trigger', () => {
    const event = coded('أرسلت تركيا قوات إلى ليبيا لدعم حكومة طرابلس.');
    expect(event).toMatchObject({ type: 'MOBILIZE', cameoRoot: '15', quadClass: 'material-conflict', mode: 'troops' });
    expect(event.source.map((a) => a.countryCode)).toEqual(['TUR']);
    expect(event.target.map((a) => a.countryCode)).toEqual(['LBY']);
    expect(event.context).toContain('military');
  });

  it('codes a subject-first Arabic sentence with a clitic preposition on the target', () => {
    const event = coded('الاتحاد الأوروبي يندد بالهجوم على المدنيين في مدينة بغداد.');
    expect(event.type).toBe('DISAPPROVE');
    expect(event.source).toEqual([expect.objectContaining({ entityId: 'org:eu', countryCode: null, code: 'IGO' })]);
    expect(event.location).toMatchObject({ type: 'location', countryCode: 'IRQ', basis: 'trigger-sentence' });
  });

  it('gives an agent its country from the demonym beside it and the place as the location', () => {
    const event = coded('اعتقلت الشرطة التركية عشرات المتظاهرين في إسطنبول يوم السبت.');
    expect(event.type).toBe('COERCE');
    expect(codes(event.source)).toEqual(['TURCOP']);
    expect(event.target[0].sectors).toContain('OPP');
    expect(event.location).toMatchObject({ countryCode: 'TUR', type: 'location' });
  });

  it('does not code what the text says did not happen', () => {
    expect(extract('لم ترسل مصر قوات إلى السودان.').event?.type).not.toBe('MOBILIZE');
    expect(extract('Egypt did not send troops to Sudan.').event?.type).not.toBe('MOBILIZE');
  });

  it('codes English: subject before the verb, passive agent after "by", irregular verbs', () => {
    const retreat = coded('Russian troops withdrew from Kherson on Friday, officials said.');
    expect(retreat.type).toBe('RETREAT');
    expect(codes(retreat.source)).toEqual(['RUSMIL']);

    const passive = coded('Two Kenyan policemen were attacked by Somali militants near the border.');
    expect(passive.source.map((a) => a.countryCode)).toEqual(['SOM']);
    expect(passive.source[0].sectors).toContain('REB');
    expect(passive.target.map((a) => a.countryCode)).toEqual(['KEN']);
  });

  it('codes violence by armed forces as FIGHT and promised cooperation as AGREE', () => {
    expect(coded('Ethiopian troops killed dozens of fighters in Tigray.').type).toBe('FIGHT');
    expect(coded('A suicide bomber killed 12 people at a market in Kabul.').type).toBe('ASSAULT');
    expect(coded('Japan will send emergency aid to Turkey after the earthquake.').type).toBe('AGREE');
  });

  it('codes a demand with "must": the speaker is the source, who must act the target', () => {
    const event = coded('France said on Monday that Iran must release the detained aid workers.');
    expect(event.type).toBe('DEMAND');
    expect(event.source.map((a) => a.countryCode)).toEqual(['FRA']);
    expect(event.target.map((a) => a.countryCode)).toEqual(['IRN']);
  });

  it('does not take the speaker before a colon for the subject of the event after it', () => {
    const event = coded('الخارجية الأمريكية: نراقب عن كثب نشر قوات تقودها روسيا في كازاخستان\n\nوقال المتحدث إن الوضع مقلق.');
    expect(event.type).toBe('MOBILIZE');
    expect(event.source.map((a) => a.countryCode)).toEqual(['RUS']);
    expect(event.location?.countryCode).toBe('KAZ');
  });

  it('ignores trigger words inside names', () => {
    const event = coded('Amnesty International demanded that the government free the journalists.');
    expect(event.type).toBe('DEMAND');
    expect(event.trigger.text).toBe('demanded');
  });

  it('codes a real seed with spans that point into the body', () => {
    const body = readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', '000_bad8e802af1c2755.txt'), 'utf8');
    const ingested = ingester.ingest({ body, format: 'txt' });
    const out = extract(body);
    const event = out.event!;
    expect(event).toMatchObject({ type: 'AID', mode: 'peacekeeping' });
    expect(event.source.map((a) => a.entityId)).toEqual(['org:csto']);
    expect(event.source[0].sectors).toContain('IGO');
    expect(event.target.map((a) => a.countryCode)).toEqual(['KAZ']);
    expect(event.location?.countryCode).toBe('KAZ');
    expect(out.eventType).toBe('AID');
    expect(out.actors).toEqual({ source: ['org:csto'], target: ['country:KAZ'] });
    expect(ingested.body.slice(event.trigger.start, event.trigger.end)).toBe(event.trigger.text);
    for (const actor of [...event.source, ...event.target]) {
      for (const m of actor.mentions) expect(ingested.body.slice(m.start, m.end)).toBe(m.text);
    }
    expect(ingested.body.slice(event.location!.mention.start, event.location!.mention.end)).toBe(event.location!.mention.text);
  });

  it('codes nothing when no trigger is there', () => {
    expect(extract('الطقس معتدل اليوم في معظم المناطق.').event).toBeNull();
  });
});

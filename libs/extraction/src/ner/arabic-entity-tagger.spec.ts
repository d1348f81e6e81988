import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArabicEntityTagger } from './arabic-entity-tagger';
import { NerModel } from './ner-model';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', name), 'utf8');

describe(ArabicEntityTagger.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);
  const tagger = ArabicEntityTagger.bundled(kb);
  const tag = (text: string) => tagger.tag(text, matcher.match(text));

  it('links names the knowledge base knows and keeps offsets into the text', () => {
    const text = 'أرسلت منظمة معاهدة الأمن الجماعي بقيادة روسيا، اليوم الخميس، قوات حفظ سلام إلى كازاخستان';
    const names = tag(text);
    expect(names.map((n) => [n.type, n.linked?.entityId])).toEqual([
      ['ORG', 'org:csto'],
      ['LOC', 'country:RUS'],
      ['LOC', 'country:KAZ'],
    ]);
    for (const n of names) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('finds people and places without the knowledge base, from the words around the names', () => {
    const empty = new KnowledgeBase([]);
    const alone = new ArabicEntityTagger(empty, NerModel.bundled());
    // seeds/002, first sentence.
    const text = seed('002_030cbb14993c2279.txt').split('\n')[1];
    const names = alone.tag(text, []);
    expect(names).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'PER', text: 'نيد برايس' })]));
    expect(names.every((n) => n.linked === undefined)).toBe(true);
  });

  it('links a name inside a longer match of its kind to that match, with the name\'s own span', () => {
    const text = 'وصل أمير دولة قطر إلى الرياض اليوم في زيارة رسمية';
    const qatar = tag(text).find((n) => n.linked?.entityId === 'country:QAT')!;
    expect([qatar.type, qatar.text, qatar.linked!.text]).toEqual(['LOC', 'قطر', 'دولة قطر']);
    expect(text.slice(qatar.start, qatar.end)).toBe('قطر');
  });

  it('neither starts nor ends a name with a punctuation mark', () => {
    // A Latin comma after an Arabic name, as some outlets type it: the tagger runs on into it, the name stops before it.
    const names = tag('وقال العميد بسام عطية, المسؤول في وزارة الداخلية خلال مؤتمر صحفي');
    expect(names.filter((n) => n.type === 'PER').map((n) => n.text)).toEqual(['بسام عطية']);
  });

  it('does not report a demonym as a place', () => {
    const names = tag('وأكدت الأمانة أن وحدة من القوات الروسية بدأت بالفعل في تنفيذ مهامها');
    expect(names.filter((n) => n.type === 'LOC')).toEqual([]);
  });

  it("reports no person for a title's demonym or a place's whole name (seeds/004)", () => {
    const text = seed('004_32a7d781b44889d9.txt');
    const persons = tag(text).filter((n) => n.type === 'PER');
    expect(persons.map((n) => n.text)).not.toContain('الكازاخستاني');
    expect(persons.map((n) => n.text)).not.toContain('نور سلطان');
    expect(persons.filter((n) => n.linked?.entityId === 'person:kassym-jomart-tokayev').length).toBeGreaterThan(0);
  });

  it("keeps a demonym the tagger reads as an agency's name, in a photo credit", () => {
    const names = tag('شرطي يحرس مدخل المحكمة في القاهرة ( الفرنسية ) قالت الشرطة امس ان');
    expect(names.filter((n) => n.text === 'الفرنسية')).toEqual([expect.objectContaining({ type: 'ORG' })]);
    expect(names.filter((n) => n.type === 'LOC').map((n) => n.text)).toEqual(['القاهرة']);
  });

  it('finds a name again where a later sentence uses it alone', () => {
    const text = seed('002_030cbb14993c2279.txt');
    const paragraphs = text.split('\n').filter((p) => p.trim());
    const tagged = tagger.tagDocument(paragraphs.map((p) => ({ text: p, matches: matcher.match(p) })));
    const later = tagged.flat().filter((n) => n.text === 'برايس');
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((n) => n.type === 'PER')).toBe(true);
  });
});

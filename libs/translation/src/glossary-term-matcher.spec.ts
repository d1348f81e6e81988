import { KnowledgeBase } from '@eventwire/kb';
import { CombinedTermMatcher, GlossaryTermMatcher } from './glossary-term-matcher';
import { KbTermMatcher } from './kb-term-matcher';

describe(GlossaryTermMatcher.name, () => {
  const glossary = new GlossaryTermMatcher();

  it('renders frequent news terms, the longest first, with proclitics and exact spans', () => {
    const text = 'أعلن وزير الدفاع أن قوات حفظ السلام ستكمل المهمة، وسط احتجاجات واشتباكات.';
    const hits = glossary.match(text);
    expect(hits.map((h) => h.target)).toEqual(['defence minister', 'peacekeeping forces', 'mission', 'protests', 'clashes']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
    expect(hits.find((h) => h.target === 'clashes')!.text).toBe('اشتباكات');
    expect(hits.every((h) => h.kind === 'term')).toBe(true);
  });

  it('leaves names to the knowledge base when both are used', () => {
    const combined = new CombinedTermMatcher([new KbTermMatcher(KnowledgeBase.bundled()), glossary]);
    const hits = combined.match('مجلس الأمن الدولي يدعو إلى ضبط النفس في كازاخستان');
    expect(hits.map((h) => [h.target, h.kind])).toEqual([
      ['UN Security Council', 'organization'],
      ['restraint', 'term'],
      ['Kazakhstan', 'country'],
    ]);
  });
});

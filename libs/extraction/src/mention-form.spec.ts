import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { mentionForm } from './mention-form';

describe(mentionForm.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);
  const forms = (text: string): string[] => matcher.match(text).map((m) => `${m.text}:${mentionForm(m, kb.get(m.entityId)!)}`);

  it('tells names, demonyms and abbreviations apart', () => {
    // seeds/000: "بقيادة روسيا", "القوات الروسية"; NATO as the seeds' outlets write it.
    expect(forms('بقيادة روسيا')).toEqual(['روسيا:name']);
    expect(forms('القوات الروسية')).toEqual(['الروسية:demonym']);
    expect(forms('قوات الناتو')).toEqual(['الناتو:abbreviation']);
    expect(forms('NATO and the CSTO')).toEqual(['NATO:abbreviation', 'CSTO:abbreviation']);
    expect(forms('حلف شمال الأطلسي')).toEqual(['حلف شمال الأطلسي:name']);
  });
});

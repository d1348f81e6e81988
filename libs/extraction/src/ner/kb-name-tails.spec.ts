import { KnowledgeBase } from '@eventwire/kb';
import { KbNameTails } from './kb-name-tails';

describe(KbNameTails.name, () => {
  const tails = new KbNameTails(KnowledgeBase.bundled());

  it('knows a long name by its last words, the first one with or without proclitics', () => {
    // seeds/004 writes the CSTO as "معاهدة الأمن الجماعي" and "لمنظمة معاهدة الأمن الجماعي".
    expect(tails.find('معاهدة الأمن الجماعي', ['organization'])).toBe('org:csto');
    expect(tails.find('لمعاهدة الأمن الجماعي', ['organization'])).toBe('org:csto');
  });

  it('links nothing for one word, another type or an unknown phrase', () => {
    expect(tails.find('الجماعي', ['organization'])).toBeUndefined();
    expect(tails.find('معاهدة الأمن الجماعي', ['person'])).toBeUndefined();
    expect(tails.find('القناة التلفزيونية الرسمية', ['organization'])).toBeUndefined();
  });
});

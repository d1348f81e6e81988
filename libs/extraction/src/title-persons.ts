import type { Mention } from '@eventwire/contracts';
import type { TaggedName } from './ner/arabic-entity-tagger';
import { RecognizedPerson, romanizationKey } from './person-recognizer';

/**
 * Title persons where the entity tagger read the text too: a title-triggered
 * name ("الرئيس ..." + the words after it) is kept only where the tagger found
 * a person over it, and then with the tagger's span. The title pattern knows
 * that a person is near; the tagger, trained on annotated news, knows where the
 * name starts and ends, and that "كان اول" after "الرئيس" or "حماس" after
 * "كتلة" is no person's name. Mentions outside the tagged text (`tagged`
 * false: English, or no tagger) stay as the recognizer found them. A person
 * left with no mention goes; one whose first kept span differs from its name
 * takes the span's name and id, as a name the tagger found alone would have.
 * Offsets of `persons` and `names` are in one text (the article body).
 */
export function confirmTitlePersons(persons: readonly RecognizedPerson[], names: readonly TaggedName[], tagged: (offset: number) => boolean): RecognizedPerson[] {
  const people = names.filter((n) => n.type === 'PER');
  const out: RecognizedPerson[] = [];
  for (const person of persons) {
    const kept: Mention[] = [];
    for (const m of person.mentions) {
      if (!tagged(m.start)) {
        kept.push(m);
        continue;
      }
      const over = people.find((n) => n.start < m.end && m.start < n.end);
      if (over && !kept.some((k) => k.start === over.start && k.end === over.end)) kept.push({ text: over.text, start: over.start, end: over.end });
    }
    if (kept.length === 0) continue;
    kept.sort((a, b) => a.start - b.start);
    // The longest kept span names the person: a later surname mention is not the name.
    const named = kept.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const spanned = named.text === person.name || !tagged(named.start) ? person : { ...person, id: `person:${romanizationKey(named.text)}`, name: named.text };
    out.push({ ...spanned, mentions: kept });
  }
  return out;
}

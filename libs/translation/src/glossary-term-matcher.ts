import { stemCandidates, tokenize } from '@eventwire/text';
import glossary from '../glossary/news-terms.ar-en.json';
import type { TermMatcher } from './translation-engine';

type Hit = ReturnType<TermMatcher['match']>[number];

interface Entry {
  words: string[];
  target: string;
}

/**
 * The stub's glossary of frequent news terms (libs/translation/glossary):
 * multi-word terms first, the first word with or without proclitics
 * ("والقوات", "بحفظ"), later words as written, spelling variants folded by
 * the tokenizer. Rendering a term is all it does.
 */
export class GlossaryTermMatcher implements TermMatcher {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(terms: readonly (readonly [string, string])[] = glossary.terms as [string, string][]) {
    for (const [source, target] of terms) {
      const words = tokenize(source).map((t) => t.norm);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, target });
      this.byFirst.set(words[0]!, list.sort((a, b) => b.words.length - a.words.length));
    }
  }

  match(text: string): Hit[] {
    const tokens = tokenize(text);
    const out: Hit[] = [];
    for (let i = 0; i < tokens.length; ) {
      const candidates = stemCandidates(tokens[i]!.norm);
      let found: { entry: Entry; first: string } | undefined;
      for (const first of candidates) {
        for (const entry of this.byFirst.get(first) ?? []) {
          if (entry.words.every((w, k) => k === 0 || tokens[i + k]?.norm === w)) {
            if (!found || entry.words.length > found.entry.words.length) found = { entry, first };
            break;
          }
        }
      }
      if (!found) {
        i++;
        continue;
      }
      const firstToken = tokens[i]!;
      const last = tokens[i + found.entry.words.length - 1]!;
      // The span starts after the proclitics, as the gazetteer's spans do.
      const start = firstToken.end - found.first.length >= firstToken.start ? Math.max(firstToken.start, firstToken.end - found.first.length) : firstToken.start;
      out.push({ start, end: last.end, text: text.slice(start, last.end), target: found.entry.target, kind: 'term' });
      i += found.entry.words.length;
    }
    return out;
  }
}

/** Several matchers as one: the first's hits win, a later one's hits that overlap them are dropped. */
export class CombinedTermMatcher implements TermMatcher {
  constructor(private readonly matchers: readonly TermMatcher[]) {}

  match(text: string): Hit[] {
    const out: Hit[] = [];
    for (const matcher of this.matchers) {
      for (const hit of matcher.match(text)) if (!out.some((h) => h.start < hit.end && hit.start < h.end)) out.push(hit);
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

import { KbEntityType, KnowledgeBase } from '@eventwire/kb';
import { languageModule, normalizeArabic, stemCandidates } from '@eventwire/text';
import { foldWord } from './fold-word';
import { WordClusters } from './word-clusters';

/** The tagger's cue words (the Arabic language module's `nameCues`), normalised like every token. */
const cues = languageModule('ar')!.nameCues!;
const keys = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => normalizeArabic(w)));
const ROLE_CUES = keys(cues.roles);
const SPEECH_CUES = keys(cues.speech);
const ORGANIZATION_CUES = keys(cues.organizations);
const PLACE_CUES = keys(cues.places);
const NAME_LINKS = keys(cues.nameLinks);
const GIVEN_NAMES = keys(cues.givenNames);

/**
 * What the knowledge base and the cue lists say about one word, as feature
 * values for the tagger: membership by entity type (the word occurs in a
 * country's, place's, organisation's or person's Arabic name), given names
 * and family names (first and last words of known people's names, and a
 * list of common given names),
 * demonyms, and the cue words. Everything comes from the knowledge base and
 * the Arabic language module's cue words (`libs/text/src/languages/ar/name-cue-words.ts`): the tagger learns how much to trust each class, and
 * the lexicon grows with the knowledge base without retraining the words.
 */
export class NerLexicon {
  private readonly classes = new Map<string, string[]>();
  private readonly cache = new Map<string, readonly string[]>();

  /** `clusters`: distributional word classes (`WordClusters`), read as classes of their own; null for none. */
  constructor(
    kb: KnowledgeBase,
    readonly clusters: WordClusters | null = WordClusters.bundled(),
  ) {
    for (const entity of kb.entities) {
      for (const alias of entity.aliases) this.addName(entity.type, alias);
      for (const demonym of entity.demonyms ?? []) {
        const norm = foldWord(demonym);
        if (!isArabic(norm) || norm.includes(' ')) continue;
        this.add(norm, 'demonym');
        this.add(`ال${norm}`, 'demonym');
      }
    }
    for (const [set, name] of [
      [ROLE_CUES, 'role'],
      [SPEECH_CUES, 'speech'],
      [ORGANIZATION_CUES, 'org-cue'],
      [PLACE_CUES, 'place-cue'],
      [NAME_LINKS, 'name-link'],
      [GIVEN_NAMES, 'given'],
    ] as const) {
      for (const word of set) this.add(word, name);
    }
  }

  /** Whether the word (normalised) is a word of any known name or cue: the tokenizer's test for a real word. */
  knows(norm: string): boolean {
    return this.classes.has(norm);
  }

  /** Whether the word (normalised) is a one-word name in the knowledge base. */
  isName(norm: string): boolean {
    return this.classes.get(norm)?.some((c) => c.startsWith('kb1:')) ?? false;
  }

  /** The classes of a normalised word, trying it as written and without its proclitics. */
  of(norm: string): readonly string[] {
    let found = this.cache.get(norm);
    if (found) return found;
    const out = new Set<string>();
    const candidates = stemCandidates(norm);
    candidates.forEach((form, k) => {
      for (const c of this.classes.get(form) ?? []) out.add(k === 0 ? c : `~${c}`);
    });
    // The word's own classes, else those of the first shorter form that has any ("والحزب" → "الحزب").
    for (const form of this.clusters === null ? [] : candidates) {
      const classes = this.clusters!.of(form);
      if (classes.length === 0) continue;
      for (const c of classes) out.add(form === norm ? c : `~${c}`);
      break;
    }
    // Family-name pattern: a definite word ending in the nisba ي that is no demonym ("الهاشمي").
    if (norm.length >= 5 && norm.startsWith('ال') && norm.endsWith('ي') && !out.has('demonym')) out.add('nisba');
    found = [...out].sort();
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(norm, found);
    return found;
  }

  private addName(type: KbEntityType, alias: string): void {
    const words = foldWord(alias).split(' ').filter(Boolean);
    if (words.length === 0 || !isArabic(words[0])) return;
    words.forEach((word, k) => {
      this.add(word, `kb:${type}`);
      if (words.length === 1) this.add(word, `kb1:${type}`);
      if (type !== 'person') return;
      if (k === 0 && !NAME_LINKS.has(word)) this.add(word, 'given');
      if (k === words.length - 1 && k > 0) this.add(word, 'family');
    });
  }

  private add(word: string, cls: string): void {
    const list = this.classes.get(word);
    if (!list) this.classes.set(word, [cls]);
    else if (!list.includes(cls)) list.push(cls);
  }
}

function isArabic(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
}

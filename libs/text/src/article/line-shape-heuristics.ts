import type { ChromeLine } from './chrome-line-classifier';

/**
 * What a line looks like, independent of what it says: the reader uses these
 * shapes to tell where the page header ends (the first paragraph), which
 * line is the headline, and which short lines are navigation. They are
 * deliberately coarse; every threshold below is a shape of news pages in
 * general, not of any one site.
 */

/** Paragraphs end with a full stop; headlines, labels and ellipses ("..") do not. */
const ENDS_WITH_FULL_STOP = /(?:^|[^.])\.["'»”)\]]*$/;
/** A line this long is prose whatever its punctuation. */
const PROSE_MIN_WORDS = 40;
const PARAGRAPH_MIN_WORDS = 5;

const HEADLINE_MIN_WORDS = 4;
/** Arabic news headlines run to about 15 words (23 at most over a week of SaudiNewsNet); longer unpunctuated lines are paragraphs. */
const HEADLINE_MAX_WORDS = 24;
const HEADLINE_MIN_LETTERS = 10;
/** A headline leads into nothing: it does not end mid-clause. */
const ENDS_LIKE_LEAD_IN = /[:،,;]\s*$/;
/** Headlines are one sentence with at most one comma; prose strings clauses together. */
const SECOND_COMMA = /[،,][^،,]*[،,]/;
const INNER_FULL_STOP = /[^.\s]\.\s+\p{L}/u;
const LETTER = /\p{L}/gu;

const SECTION_MAX_WORDS = 3;
const SECTION_MAX_CHARS = 30;
const NOT_IN_SECTION_LABEL = /[\d.!?؟:،,;"«»()[\]“”]/;
const BREADCRUMB_SEPARATOR = /\s[>»/|›]\s/;
const BREADCRUMB_MAX_WORDS = 10;

const BULLET = /^[-–•*·▪►◄■□●○✓]/;
const LIST_ITEM_MAX_WORDS = 25;
/** Ingredient and glossary items are a few words; a linked headline says who did what. */
const BULLET_HEADLINE_MIN_WORDS = 5;
const BULLET_HEADLINE_MAX_WORDS = 20;
/** Interview questions, recipe steps and tips end like sentences; linked headlines do not. */
const ENDS_LIKE_SENTENCE = /[.!?؟:…]["'»”)\]]*$/;
/** "label: value" items (fact boxes, glossaries, groups of a draw) are content, not links. */
const LABELLED = /[:：]/;

const NAME_MAX_WORDS = 4;
const NAME_MAX_CHARS = 40;
const NOT_IN_NAME = /[\d.!?؟:،,;"«»()]/;

export function endsWithFullStop(text: string): boolean {
  return ENDS_WITH_FULL_STOP.test(text);
}

/** Body prose: where the page header ends. */
export function isParagraphLike(line: ChromeLine): boolean {
  return line.words > PROSE_MIN_WORDS || (line.words >= PARAGRAPH_MIN_WORDS && endsWithFullStop(line.text));
}

export function isHeadlineLike(line: ChromeLine): boolean {
  if (line.words < HEADLINE_MIN_WORDS || line.words > HEADLINE_MAX_WORDS) return false;
  const text = line.text;
  if (endsWithFullStop(text) || ENDS_LIKE_LEAD_IN.test(text) || BULLET.test(text)) return false;
  if (SECOND_COMMA.test(text) || INNER_FULL_STOP.test(text)) return false;
  let letters = 0;
  LETTER.lastIndex = 0;
  while (LETTER.exec(text) !== null && ++letters < HEADLINE_MIN_LETTERS);
  return letters >= HEADLINE_MIN_LETTERS;
}

/** A section name or breadcrumb above the headline ("العالم", "أخبار روسيا", "Home > World"). */
export function isSectionLabelLike(line: ChromeLine): boolean {
  if (line.words <= SECTION_MAX_WORDS && line.text.length <= SECTION_MAX_CHARS && !NOT_IN_SECTION_LABEL.test(line.text)) return true;
  if (line.words > BREADCRUMB_MAX_WORDS || !BREADCRUMB_SEPARATOR.test(line.text)) return false;
  return line.text.split(/[>»/|›]/).every((part) => {
    const trimmed = part.trim();
    return trimmed !== '' && trimmed.split(/\s+/).length <= SECTION_MAX_WORDS && !/\d/.test(trimmed);
  });
}

/** A person's name on its own line, as under a masthead role. */
export function isNameLike(line: ChromeLine): boolean {
  return line.words <= NAME_MAX_WORDS && line.text.length <= NAME_MAX_CHARS && !NOT_IN_NAME.test(line.text);
}

export function isBulletLine(text: string): boolean {
  return BULLET.test(text);
}

/** An entry of a related-links list under its heading: short, and not a sentence. */
export function isListItemLike(line: ChromeLine): boolean {
  return line.words <= LIST_ITEM_MAX_WORDS && !endsWithFullStop(line.text);
}

/** A bulleted linked headline; runs of these with no heading are related-links lists too. */
export function isBulletedHeadline(line: ChromeLine): boolean {
  return (
    BULLET.test(line.text) &&
    line.words >= BULLET_HEADLINE_MIN_WORDS &&
    line.words <= BULLET_HEADLINE_MAX_WORDS &&
    !ENDS_LIKE_SENTENCE.test(line.text) &&
    !LABELLED.test(line.text)
  );
}

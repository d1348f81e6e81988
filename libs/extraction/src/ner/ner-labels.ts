/** The entity classes the tagger reports: persons, places (countries, cities, regions) and organisations. */
export const NER_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** BIO labels over {@link NER_TYPES}, in the order of the model's weight rows. */
export const NER_LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export type NerLabel = (typeof NER_LABELS)[number];

export const LABEL_COUNT = NER_LABELS.length;
export const OUTSIDE = 0;

/** Label index → its type, or undefined for O. */
export function typeOfLabel(label: number): NerType | undefined {
  return label === OUTSIDE ? undefined : NER_TYPES[(label - 1) >> 1];
}

export function isInside(label: number): boolean {
  return label !== OUTSIDE && (label - 1) % 2 === 1;
}

/** BIO well-formedness: I-X only continues B-X or I-X. */
export function allowedAfter(previous: number, label: number): boolean {
  return !isInside(label) || (previous !== OUTSIDE && typeOfLabel(previous) === typeOfLabel(label));
}

/** A tagged entity over token indices [start, end). */
export interface TokenSpan {
  type: NerType;
  start: number;
  end: number;
}

/** Spans of a well-formed (or repaired: a stray I-X opens a span) label sequence. */
export function spansOf(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const type = typeOfLabel(labels[i]);
    if (!type) {
      open = undefined;
      continue;
    }
    if (open && isInside(labels[i]) && open.type === type) {
      open.end = i + 1;
      continue;
    }
    open = { type, start: i, end: i + 1 };
    spans.push(open);
  }
  return spans;
}

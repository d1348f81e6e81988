import type { VagueCount } from '../numbers/number-lexicon';
import type { QuantityCategory, QuantityQualifier } from './quantity-category';

export type { EventCategory, QuantityCategory, QuantityQualifier } from './quantity-category';

/**
 * A count the text states, with what it counts. `text`/`start`/`end` span
 * the whole phrase as written, qualifier and counted noun included ("نحو 50
 * مركبة"); `unitText` is the counted noun (or %, currency) alone.
 * `approximate` is true when the value is not claimed exact: a vague count
 * ("عشرات") or any qualifier ("أكثر من ألف").
 */
export interface Quantity {
  value: number;
  approximate: boolean;
  qualifier: QuantityQualifier | null;
  category: QuantityCategory;
  text: string;
  start: number;
  end: number;
  unitText: string | null;
  /** For vague counts: "عشرات" → 'tens' (value 10), "المئات" → 'hundreds' (value 100). */
  vague?: VagueCount;
}

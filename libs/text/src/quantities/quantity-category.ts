/*
 * What a count can be and how it can be qualified, apart from Quantity so
 * that language modules can name them without importing the number layer.
 */

export type QuantityCategory =
  | 'troops'
  | 'peacekeepers'
  | 'killed'
  | 'injured'
  | 'hospitalized'
  | 'intensive-care'
  | 'arrested'
  | 'displaced'
  | 'protesters'
  | 'vehicles'
  | 'aircraft'
  | 'days'
  | 'hours'
  | 'weeks'
  | 'months'
  | 'years'
  | 'people'
  | 'money'
  | 'percent'
  | 'other';

/** What a qualifier makes of the number it stands beside. */
export type QuantityQualifier = 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'up-to';

/** The categories an event cue can give people counted. */
export type EventCategory = Extract<QuantityCategory, 'killed' | 'injured' | 'hospitalized' | 'intensive-care' | 'arrested' | 'displaced'>;

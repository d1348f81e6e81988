/**
 * One line of a GeoNames dump that could not be read. Collected, not thrown:
 * a dump of millions of lines with a handful of bad ones is still worth
 * loading, but the caller must see how many were lost and why.
 */
export interface GeonamesLineError {
  /** 1-based line number in the source. */
  line: number;
  reason: string;
  /** The start of the offending line, for the log. */
  text: string;
}

/** How much of a bad line an error keeps: enough to find it in the file, not a 10 kB alternate-names field. */
export const GEONAMES_ERROR_TEXT_LENGTH = 120;

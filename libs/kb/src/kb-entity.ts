/** The kinds of entity the knowledge base knows; the same four the event contracts report. */
export const KB_ENTITY_TYPES = ['country', 'organization', 'location', 'person'] as const;
export type KbEntityType = (typeof KB_ENTITY_TYPES)[number];

/**
 * The CAMEO sector of news media. Event-data practice (PETRARCH/CAMEO) codes
 * outlets and agencies as `MED` and rarely as actors: an outlet named in an
 * article is usually the one that reported it, not a party to the story.
 */
export const MEDIA_SECTOR = 'MED';

/** What kind of place a location is: a national capital, another populated place, or an administrative region. */
export const PLACE_TYPES = ['capital', 'city', 'region'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/**
 * One known entity. `name`/`nameAr` are for display; `aliases` and
 * `demonyms` are what the gazetteer looks for in text, so a display name that
 * is ambiguous in running text (the bare "عمان": Oman or Amman) may be
 * missing from `aliases` on purpose.
 */
export interface KbEntity {
  /** `country:KAZ` (ISO 3166-1 alpha-3), `org:csto`, `location:almaty`, `person:vladimir-putin`. */
  id: string;
  type: KbEntityType;
  /** Canonical English name. */
  name: string;
  nameAr?: string;
  /** ISO alpha-3: the country itself, or the country a location lies in. */
  countryCode?: string;
  alpha2?: string;
  lat?: number;
  lon?: number;
  /** Names in Arabic or Latin script, matched as written (plus proclitics in Arabic). */
  aliases: string[];
  /**
   * Adjective and people forms ("روسي", "روسية", "Russian"). Arabic forms are
   * stored indefinite and also match with the article ("الروسية"), which
   * names never do: "القطر" is "the region", not Qatar.
   */
  demonyms?: string[];
  /**
   * CAMEO sector codes (`MED` media, `IGO` intergovernmental, `NGO`, `GOV`,
   * `MIL`...), for organisations whose sector is clear; downstream actor
   * coding reads them, and extraction reports `MED` entities as sources.
   */
  sectors?: string[];
  /** A person's office, in English ("President of Kazakhstan"), as of the curated file's date. */
  role?: string;
  /** Locations: capital, city or region, where the source says. */
  placeType?: PlaceType;
  /** Locations: inhabitants, as the source (GeoNames) counts them; decides between two places of one name. */
  population?: number;
  /** Locations: the GeoNames id, for joining with other gazetteers. */
  geonamesId?: number;
}

/** The shape of seeds.gold.json: per-article gold keyed by file stem. */
export interface GoldQuantity {
  what: string;
  value: number;
  approximate?: boolean;
  qualifier?: string;
}

export interface GoldArticle {
  language?: string;
  title?: string;
  eventDate?: string | null;
  countries?: string[];
  persons?: string[];
  organizations?: string[];
  locations?: string[];
  quantities?: GoldQuantity[];
  mustNot?: { dates?: string[]; persons?: string[]; titles?: string[]; countries?: string[]; quantities?: number[] };
}

export interface GoldFile {
  story?: { label: string; articles: string[]; dateRange?: [string, string] };
  articles: Record<string, GoldArticle>;
}

import type { KbEntity } from '@eventwire/kb';
import countries from 'i18n-iso-countries';
import arabicNames from 'i18n-iso-countries/langs/ar.json';
import englishNames from 'i18n-iso-countries/langs/en.json';
import worldCountries from 'world-countries';
import { DraftEntity, DraftName, RANK_COUNTRY, RANK_LOCATION, RANK_TERRITORY } from './alias-resolver';
import { CuratedData } from './curated-data';
import { arabicNisbaForms, englishDemonymForms } from './demonym-forms';

countries.registerLocale(arabicNames);
countries.registerLocale(englishNames);

const arabicRegion = new Intl.DisplayNames(['ar'], { type: 'region' });
const englishRegion = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The names a packaged source writes for one country, split into the forms
 * that occur in running text: "ميانمار (بورما)" is two names, "Korea,
 * Republic of" is a catalogue entry nobody writes, "Bosnia & Herzegovina" is
 * written with "and".
 */
export function nameForms(raw: string | undefined): string[] {
  if (!raw || raw.includes(',')) return [];
  const name = raw.replace(/\s*&\s*/g, ' and ').trim();
  const paren = /\s*\(([^)]*)\)\s*/.exec(name);
  if (!paren) return [name];
  const outer = `${name.slice(0, paren.index)} ${name.slice(paren.index + paren[0].length)}`.trim();
  const inner = paren[1].trim();
  // A one-word parenthesis at the end is another name (بورما); otherwise it is a description ("منطقة إدارية خاصة", "Keeling").
  const alternative = inner && !/\s/.test(inner) && paren.index + paren[0].length === name.length;
  return alternative ? [outer, inner] : [outer];
}

function names(list: Array<string | undefined>, curated = false): DraftName[] {
  return list.flatMap(nameForms).map((text) => ({ text, curated }));
}

/** One draft per ISO 3166-1 country, from i18n-iso-countries, CLDR (Intl.DisplayNames) and world-countries, plus the curated additions. */
export function countryDrafts(curated: CuratedData): DraftEntity[] {
  const world = new Map(worldCountries.map((c) => [c.cca2, c]));
  const drafts: DraftEntity[] = [];
  for (const alpha2 of Object.keys(countries.getAlpha2Codes()).sort()) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (!alpha3) continue;
    const w = world.get(alpha2);
    const extra = curated.countries[alpha3] ?? {};
    const exclude = extra.exclude ?? [];
    const independent = w?.independent === true;

    const arabic = [
      ...(countries.getName(alpha2, 'ar', { select: 'all' }) ?? []),
      arabicRegion.of(alpha2),
      w?.translations.ara?.common,
      w?.translations.ara?.official,
    ];
    const english = [
      w?.name.common,
      w?.name.official,
      ...(countries.getName(alpha2, 'en', { select: 'all' }) ?? []),
      englishRegion.of(alpha2),
    ];
    const curatedAliases = extra.aliases ?? [];
    const aliases = [...names(curatedAliases, true), ...names(arabic), ...names(english)];

    // Regular Arabic adjectives exist for sovereign states; territories' demonyms are curated where needed.
    const nisbaSources = independent ? [...curatedAliases, ...arabic.flatMap(nameForms)] : [];
    const demonyms: DraftName[] = [
      ...(extra.demonyms ?? []).map((text) => ({ text, curated: true })),
      ...nisbaSources.flatMap(arabicNisbaForms).map((text) => ({ text, curated: false })),
      ...(w ? englishDemonymForms(w.demonyms.eng.m) : []).map((text) => ({ text, curated: false })),
      ...(w && w.demonyms.eng.f !== w.demonyms.eng.m ? englishDemonymForms(w.demonyms.eng.f) : []).map((text) => ({ text, curated: false })),
    ];

    const nameAr = extra.nameAr ?? cleanDisplayName(arabicRegion.of(alpha2)) ?? countries.getName(alpha2, 'ar');
    const entity: Omit<KbEntity, 'aliases' | 'demonyms'> = {
      id: `country:${alpha3}`,
      type: 'country',
      name: w?.name.common ?? englishRegion.of(alpha2) ?? alpha3,
      ...(nameAr ? { nameAr } : {}),
      countryCode: alpha3,
      alpha2,
      ...(w && w.latlng.length === 2 ? { lat: w.latlng[0], lon: w.latlng[1] } : {}),
    };
    drafts.push({ entity, rank: independent ? RANK_COUNTRY : RANK_TERRITORY, aliases, demonyms, exclude });
  }
  return drafts;
}

/** A CLDR display name usable as-is, or undefined when it carries a qualifier ("الكونغو - كينشاسا", "ميانمار (بورما)"). */
function cleanDisplayName(name: string | undefined): string | undefined {
  return name && !/[()]|\s-\s/.test(name) ? name : undefined;
}

/** URL-safe slug for generated ids: "Washington D.C." → "washington-d-c". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Capitals of sovereign states, in English, from world-countries: places, not
 * countries ("Washington" is never the United States). Arabic names come from
 * the curated locations, which replace a generated capital they name.
 */
export function capitalDrafts(curated: CuratedData): DraftEntity[] {
  const curatedIds = new Set(curated.locations.map((l) => l.id));
  const curatedNames = new Set(curated.locations.flatMap((l) => [l.name, ...l.aliases]).map((n) => n.toLowerCase()));
  const drafts: DraftEntity[] = [];
  for (const w of [...worldCountries].sort((a, b) => (a.cca3 < b.cca3 ? -1 : 1))) {
    if (!w.independent) continue;
    const alpha3 = countries.alpha2ToAlpha3(w.cca2) ?? w.cca3;
    for (const capital of w.capital) {
      const id = `location:${slug(capital)}`;
      if (curatedIds.has(id) || curatedNames.has(capital.toLowerCase())) continue;
      drafts.push({
        entity: { id, type: 'location', name: capital, countryCode: alpha3 },
        rank: RANK_LOCATION,
        aliases: [{ text: capital, curated: false }],
        demonyms: [],
      });
    }
  }
  return drafts;
}

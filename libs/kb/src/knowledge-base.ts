import countries from '../data/countries.json';
import locations from '../data/locations.json';
import organizations from '../data/organizations.json';
import persons from '../data/persons.json';
import stopPhrases from '../data/stop-phrases.json';
import { KB_ENTITY_TYPES, KbEntity, KbEntityType } from './kb-entity';
import { KbDataError } from './kb-data.error';

/** A phrase that contains a known name but does not refer to it ("صلاة المغرب" is the sunset prayer, not Morocco). */
export interface StopPhrase {
  phrase: string;
  /** Why it is stopped: the data documents itself. */
  why: string;
}

/**
 * The known entities, by id. Plain data: the bundled instance is built from
 * the JSON files that `npm run kb:build` generates into `libs/kb/data`, and
 * tests build small ones by hand.
 */
export class KnowledgeBase {
  private static bundledInstance: KnowledgeBase | undefined;

  readonly entities: readonly KbEntity[];
  readonly stopPhrases: readonly StopPhrase[];
  private readonly byId = new Map<string, KbEntity>();

  constructor(entities: readonly KbEntity[], stopPhrases: readonly StopPhrase[] = []) {
    for (const entity of entities) {
      if (!entity.id || this.byId.has(entity.id)) throw new KbDataError('entity id missing or duplicated', entity.id);
      if (!KB_ENTITY_TYPES.includes(entity.type)) throw new KbDataError(`unknown entity type "${String(entity.type)}"`, entity.id);
      if (!entity.name) throw new KbDataError('entity has no name', entity.id);
      if (!Array.isArray(entity.aliases)) throw new KbDataError('entity has no alias list', entity.id);
      this.byId.set(entity.id, entity);
    }
    this.entities = entities;
    this.stopPhrases = stopPhrases;
  }

  /** The knowledge base shipped with the code, loaded once per process. */
  static bundled(): KnowledgeBase {
    KnowledgeBase.bundledInstance ??= new KnowledgeBase(
      // The JSON is generated and checked by the constructor; its inferred literal types say nothing more.
      [...countries, ...organizations, ...locations, ...persons] as unknown as KbEntity[],
      stopPhrases as unknown as StopPhrase[],
    );
    return KnowledgeBase.bundledInstance;
  }

  get(id: string): KbEntity | undefined {
    return this.byId.get(id);
  }

  ofType(type: KbEntityType): KbEntity[] {
    return this.entities.filter((e) => e.type === type);
  }

  get size(): number {
    return this.entities.length;
  }
}

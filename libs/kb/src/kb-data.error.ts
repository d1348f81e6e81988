/**
 * The entity list handed to the knowledge base is malformed (a duplicate id,
 * an unknown type, an entity with nothing to match). Thrown at load time so a
 * bad data file fails the service at start-up instead of silently matching
 * less.
 */
export class KbDataError extends Error {
  constructor(
    message: string,
    readonly entityId?: string,
  ) {
    super(entityId ? `${message} (${entityId})` : message);
    this.name = 'KbDataError';
  }
}

export * from './sql-client';
export * from './pg-client';
export * from './pglite-client';
export * from './open-store';
export * from './migrate';
export * from './migrations';
export * from './story-store';

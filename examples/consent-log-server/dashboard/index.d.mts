// Types of the dashboard plugin (index.mjs) and its aggregates (aggregate.mjs), for TypeScript
// users and for the project's own tests.
import type { FastifyPluginAsync } from 'fastify';

/** The receiver's store as the dashboard reads it. */
export interface DashboardStore {
  dialect: 'sqlite' | 'postgres';
  /** Rows of a query; `?` placeholders for SQLite, `$1…` for PostgreSQL. */
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
}

export interface DashboardOptions {
  store: DashboardStore;
  /** The export token; none: every dashboard route answers 403. */
  token: string | undefined;
  /** Smallest group (day, language, channel, revision…) whose numbers are shown; 5. */
  minGroup?: number;
}

/** The dashboard as a Fastify plugin: `app.register(dashboard, { store, token })`. */
export declare const dashboard: FastifyPluginAsync<DashboardOptions>;

// Types of server.mjs, for TypeScript users and for the project's own tests.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify';

/** A schema 1 record (SDK 0.1). */
export interface ConsentRecordV1 {
  recordId: string;
  schemaVersion: 1;
  consentId: string;
  time: string;
  revision: number;
  method: 'accept-all' | 'reject-all' | 'custom' | 'gpc' | 'withdraw';
  categories: Record<string, 'granted' | 'denied'>;
  services: Record<string, 'granted' | 'denied'>;
  language: string;
  sdkVersion: string;
  pageUrl: string;
}

/** A record as the SDK sends it (see src/core/integrations/records.ts `ConsentRecord`), schema 2. */
export interface ConsentRecordV2 extends Omit<ConsentRecordV1, 'schemaVersion' | 'method'> {
  schemaVersion: 2;
  method: ConsentRecordV1['method'] | 'dismiss';
  channel: 'banner' | 'dialog' | 'placeholder' | 'api' | 'gpc';
  textHash: string | null;
  controller: string;
  policyUrl: string;
  expiresAt: string | null;
  previousRecordId: string | null;
}

/** A record the receiver accepts: schema 2, or schema 1. */
export type ConsentRecord = ConsentRecordV1 | ConsentRecordV2;

/** A stored record: what was sent, plus the server's time of receipt. */
export type StoredRecord = ConsentRecord & { receivedAt: string };

/** Export and lookup filters: `from`/`to` bound `receivedAt` (ISO 8601, `to` exclusive). */
export interface RecordFilters {
  from?: string;
  to?: string;
  consentId?: string;
}

/** A stored row: the `records` table's columns (snake_case). */
export type RecordRow = Record<string, string | number | null>;

/**
 * The record store, SQLite or PostgreSQL. `all`/`exec` are the contract for add-ons (a dashboard):
 * SQL goes to the driver as is, `?` placeholders for SQLite, `$1` for PostgreSQL.
 */
export interface RecordStore {
  dialect: 'sqlite' | 'postgres';
  all<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  insert(record: ConsentRecord, receivedAt?: Date, cap?: number): Promise<'stored' | 'duplicate' | 'capped'>;
  rows(filters?: RecordFilters, batch?: number): AsyncIterable<RecordRow[]>;
  list(filters?: RecordFilters): Promise<StoredRecord[]>;
  erase(consentId: string): Promise<number>;
  purge(before: Date, batch?: number): Promise<number>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  store: RecordStore;
  /** Origins allowed to post cross-origin; `*` for any. Same-origin posts are always allowed. */
  allowedOrigins?: string[];
  /** Where records are posted. Default `/records`. */
  path?: string;
  /** Exports and the data-subject routes need `Authorization: Bearer <exportToken>`; without one they are off. */
  exportToken?: string;
  /** Posts per client IP per `rateWindow` ms. Default 120 per minute. */
  rateLimit?: number;
  rateWindow?: number;
  /** Records kept per consent id. Default 1,000. */
  perConsent?: number;
  /** Records received longer ago are purged (every `purgeEvery` ms); 0 keeps them forever. Default 2,222. */
  retentionDays?: number;
  purgeEvery?: number;
  /** Fastify's `trustProxy`: behind a reverse proxy, which hops to believe for the client IP. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Header carrying the proxy's request id, used as the request id. Default: none (a UUID each). */
  requestIdHeader?: string | false;
  /** Fastify's (pino) logger options; off by default. */
  logger?: FastifyServerOptions['logger'];
  /** `consentCookieHandler(options)` of `@instria/consent/server`: answers the SDK's `serverCookie` posts. */
  consentCookie?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Where it answers. Default `/consent-cookie`. */
  consentCookiePath?: string;
  /** The statistics dashboard at `/dashboard` (behind `exportToken`); `false` leaves it out. Default true. */
  dashboard?: boolean;
  /** Fastify plugins registered after the receiver's routes, with `{ store }` as options. */
  plugins?: FastifyPluginAsync<{ store: RecordStore }>[];
}

export interface StartOptions extends Omit<ReceiverOptions, 'store'> {
  store?: RecordStore;
  port?: number;
  host?: string;
  /** The SQLite file when there is no `databaseUrl`. Default `./consent-records.sqlite`. */
  dbFile?: string;
  /** A PostgreSQL connection string: the store is PostgreSQL. */
  databaseUrl?: string;
}

export const SCHEMA_VERSION: 2;
export const SCHEMA_VERSIONS: number[];
export const MAX_BODY_BYTES: number;
export const DEFAULTS: { rateLimit: number; rateWindow: number; perConsent: number; retentionDays: number; purgeEvery: number };
export function recordIdOf(record: Omit<ConsentRecord, 'recordId'>): string;
export function validateRecord(record: unknown): string | null;
export function createRecordStore(filename?: string): RecordStore;
export function createPostgresStore(connectionString: string, options?: { max?: number }): Promise<RecordStore>;
export function openStore(options?: { databaseUrl?: string; file?: string }): Promise<RecordStore>;
export function toCsv(records: StoredRecord[]): string;
export function exportStream(store: RecordStore, format: 'csv' | 'json', filters?: RecordFilters): Readable;
export function createReceiver(options: ReceiverOptions): FastifyInstance;
export function createHandler(options: ReceiverOptions): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<boolean>>;
export function startReceiver(options?: StartOptions): Promise<{ app: FastifyInstance; server: Server; store: RecordStore; url: string; close(): Promise<void> }>;
export function optionsFromEnv(env?: Record<string, string | undefined>): StartOptions;

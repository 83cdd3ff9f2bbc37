// Types of server.mjs, for TypeScript users and for the project's own tests.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

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

export interface RecordStore {
  insert(record: ConsentRecord, receivedAt?: Date): boolean;
  list(): StoredRecord[];
  close(): void;
}

export interface HandlerOptions {
  store: RecordStore;
  allowedOrigins?: string[];
  path?: string;
  exportToken?: string;
  maxBytes?: number;
  log?: (line: string) => void;
  /** `consentCookieHandler(options)` of `@instria/consent/server`: answers the SDK's `serverCookie` posts. */
  consentCookie?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Where it answers. Default `/consent-cookie`. */
  consentCookiePath?: string;
}

export const SCHEMA_VERSION: 2;
export const SCHEMA_VERSIONS: number[];
export const MAX_BODY_BYTES: number;
export function recordIdOf(record: Omit<ConsentRecord, 'recordId'>): string;
export function validateRecord(record: unknown): string | null;
export function createRecordStore(filename?: string): RecordStore;
export function toCsv(records: StoredRecord[]): string;
export function createHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse, url?: URL) => Promise<boolean>;
export function startReceiver(options?: {
  port?: number;
  host?: string;
  dbFile?: string;
  allowedOrigins?: string[];
  exportToken?: string;
  path?: string;
  log?: (line: string) => void;
  consentCookie?: HandlerOptions['consentCookie'];
  consentCookiePath?: string;
}): Promise<{ server: Server; store: RecordStore; url: string }>;

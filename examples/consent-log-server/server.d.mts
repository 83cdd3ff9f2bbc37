// Types of server.mjs, for TypeScript users and for the project's own tests.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A record as the SDK sends it (see src/core/integrations/records.ts `ConsentRecord`). */
export interface ConsentRecord {
  recordId: string;
  schemaVersion: number;
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
}

export const SCHEMA_VERSION: number;
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
}): Promise<{ server: Server; store: RecordStore; url: string }>;

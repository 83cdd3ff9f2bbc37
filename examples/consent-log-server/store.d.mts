// Types of store.mjs.
import type { RecordStore, RecordRow, StoredRecord } from './server.mjs';

export const BATCH_ROWS: number;
/** The migrations, in order (append only). */
export const MIGRATIONS: { version: number; name: string; sqlite: (db: unknown) => void; postgres: string }[];
export function rowToRecord(row: RecordRow, parse?: boolean): StoredRecord;
export function createRecordStore(filename?: string): RecordStore;
export function createPostgresStore(connectionString: string, options?: { max?: number }): Promise<RecordStore>;
export function openStore(options?: { databaseUrl?: string; file?: string }): Promise<RecordStore>;

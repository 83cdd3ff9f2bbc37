// Types of schema.mjs.
import type { ConsentRecord } from './server.mjs';

export const SCHEMA_VERSION: 2;
export const SCHEMA_VERSIONS: number[];
export const MAX_SERVICES: number;
export const MAX_CATEGORIES: number;
export const MAX_URL: number;
export const MAX_CONTROLLER: number;
export const MAX_BODY_BYTES: number;
/** The record as JSON Schema: schema 1 when `schemaVersion` is 1, else schema 2. */
export const RECORD_SCHEMA: object;
export const V2_FIELDS: string[];
export function recordIdOf(record: Omit<ConsentRecord, 'recordId'>): string;
export function validateRecord(record: unknown): string | null;

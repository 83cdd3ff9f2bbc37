// Types of serve.mjs.
import type { TestStore } from './testing.mjs';

export declare function serveDemo(options?: {
  token?: string;
  port?: number;
  days?: number;
  perDay?: number;
  start?: string;
  /** SQL run after the records are generated (more records, for a test). */
  extra?: string[];
}): Promise<{ url: string; store: TestStore; close(): Promise<void> }>;

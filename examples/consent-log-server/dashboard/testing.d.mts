// Types of testing.mjs.
import type { DashboardStore } from './index.mjs';

export type TestStore = DashboardStore & { close(): Promise<void> };
export declare function sqliteStore(filename?: string): TestStore;
export declare function postgresStore(connectionString: string): Promise<TestStore>;
export { startPostgres } from '../throwaway-postgres.mjs';
export declare const EXPECTED: {
  1: Record<string, number>;
  2: Record<string, number>;
  languages: Record<string, number>;
  channels: Record<string, number>;
};
export declare function generateRecords(
  store: DashboardStore,
  options?: { days?: number; perDay?: number; start?: string; revisionDay?: number; receivedAt?: string; prefix?: string },
): Promise<number>;

// Types of aggregate.mjs.
import type { DashboardStore } from './index.mjs';

export type Method = 'accept-all' | 'reject-all' | 'custom' | 'withdraw' | 'gpc';
export declare const METHODS: Method[];
export declare const MIN_GROUP: number;
export declare const REFRESH_OVERLAP_MS: number;

/** Decisions, dismissals, and the count and share of each answer. */
export interface Tally {
  decisions: number;
  dismissals: number;
  methods: Record<Method, number>;
  shares: Record<Method, number | null>;
}
/** A group with fewer than `minGroup` decisions: its numbers are left out. */
export interface Suppressed {
  suppressed: true;
}
export type Day = { day: string } & (Tally | Suppressed);
export type Group<K extends string, V> = { [key in K]: V } & ((Tally & { daily: (Tally | null)[] }) | Suppressed);
export type Grant = { id: string } & (
  | { decisions: number; granted: number; rate: number; daily: (number | null)[]; revisions: Record<string, number | null> }
  | Suppressed
);

export interface Aggregates {
  from: string;
  to: string;
  minGroup: number;
  totals: Tally;
  days: Day[];
  suppressedDays: number;
  categories: Grant[];
  services: Grant[];
  languages: Group<'language', string>[];
  channels: Group<'channel', string>[];
  revisions: Group<'revision', number>[];
}

export declare function isDay(text: unknown): boolean;
export declare function prepare(store: DashboardStore): Promise<void>;
export declare function refresh(store: DashboardStore): Promise<{ days: number; full: boolean }>;
export declare function aggregates(store: DashboardStore, query?: { from?: string; to?: string }, options?: { minGroup?: number }): Promise<Aggregates>;
export declare function toCsv(data: Aggregates): string;

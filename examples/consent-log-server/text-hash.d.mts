// Types of text-hash.mjs.
export interface HashedOptions {
  revision?: number;
  categories: Record<string, Record<string, unknown> & { services?: Record<string, Record<string, unknown>> }>;
}
export function hashInput(options: HashedOptions, texts?: Record<string, string> | null): string;
export function textHash(options: HashedOptions, texts?: Record<string, string> | null): string;

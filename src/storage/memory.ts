import type { ConsentStorage } from '../core/types';

/** Keeps the decision for the life of the page: the last fallback, and handy in tests. */
export function memoryStorage(initial: string | null = null): ConsentStorage {
  let value = initial;
  return {
    read: () => value,
    write(next) {
      value = next;
      return true;
    },
    clear() {
      value = null;
    },
  };
}

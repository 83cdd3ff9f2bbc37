import { failed, safe } from './env';

/**
 * Runs `run` with what `onDemand` loads: at once when it is here, else once it has loaded.
 * `queue: true` only queues `run` behind a load someone else starts.
 */
export type OnDemand<T> = (run: (value: T) => void, queue?: boolean) => void;

/**
 * Code loaded the first time it is needed (the decision code, the UI, the floating button, the
 * embed placeholder): loaded once, callers queued meanwhile and run in order. If it cannot load,
 * the callers waiting are dropped, not run (fail closed: nothing they would have granted is
 * granted), "`what` could not be loaded" is reported, and the next call loads it again. `load`
 * may return the value itself (an entry that bundles it): the callers then run at once. No value
 * (an instance destroyed meanwhile) drops the callers without a word.
 *
 * @example
 * const ui = onDemand(() => import('./ui/mount').then((m) => m.mountUI), 'the consent UI');
 * ui((mount) => mount(consent));
 */
export function onDemand<T>(load: () => T | undefined | Promise<T | undefined>, what: string): OnDemand<T> {
  let value: T | undefined;
  let loading: boolean | undefined;
  const waiting: ((value: T) => void)[] = [];
  const settle = (loaded?: T) => {
    loading = false;
    value = loaded;
    for (const run of waiting.splice(0)) loaded && safe(() => run(loaded));
  };
  return (run, queue) => {
    if (value) return run(value);
    waiting.push(run);
    if (queue || loading) return;
    loading = true;
    const loaded = load() as Promise<T | undefined> | undefined;
    if (!loaded?.then) return settle(loaded as T | undefined);
    loaded.then(settle, (error) => (settle(), failed(`${what} could not be loaded`)(error)));
  };
}

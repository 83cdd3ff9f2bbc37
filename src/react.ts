/**
 * `@instria/consent/react`: hooks and a gate component over a consent instance, through the
 * official adapter `@nanostores/react` (an optional peer dependency, with `react`).
 *
 * Server rendering and hydration see the state of no decision (the atom's initial value, which a
 * server instance has too), so the HTML a server sent and the first client render agree; React
 * then re-renders with the visitor's decision. See:
 * https://react.dev/reference/react/useSyncExternalStore#adding-support-for-server-rendering
 */
import { useStore } from '@nanostores/react';
import type { ReactNode } from 'react';
import { grantedIn } from './core/granted';
import type { Consent, ConsentState } from './core/types';

/**
 * The visitor's decision, re-rendering the component when it changes.
 * @example
 * const state = useConsent(consent);
 * return state.decided ? null : <p>Choose in the banner below.</p>;
 */
export function useConsent<C extends string>(consent: Consent<C>): ConsentState<C> {
  return useStore(consent.state, { ssr: 'initial' });
}

/**
 * Whether `category` (and `service` of it, if given) is granted now, as `consent.granted()` says,
 * re-rendering the component when it changes. False on the server and while hydrating.
 * @example
 * const analytics = useGranted(consent, 'analytics');
 */
export function useGranted<C extends string>(consent: Consent<C>, category: NoInfer<C>, service?: string): boolean {
  return grantedIn(consent.options, useConsent(consent), category, service);
}

/** Props of {@link ConsentGate}. */
export interface ConsentGateProps<C extends string> {
  consent: Consent<C>;
  /** The category the children need. */
  category: NoInfer<C>;
  /** A service of that category the children need, if it is one service rather than the whole category. */
  service?: string;
  /** Shown instead, until the visitor grants: on the server, while hydrating, and after a refusal. */
  fallback?: ReactNode;
  children?: ReactNode;
}

/**
 * Renders its children only when `category` (or its `service`) is granted, else `fallback`;
 * never on the server or while hydrating, even for a visitor who accepted.
 * @example
 * <ConsentGate consent={consent} category="analytics" fallback={<p>Analytics are off.</p>}>
 *   <Chart />
 * </ConsentGate>
 */
export function ConsentGate<C extends string>({ consent, category, service, fallback = null, children = null }: ConsentGateProps<C>): ReactNode {
  return useGranted(consent, category, service) ? children : fallback;
}

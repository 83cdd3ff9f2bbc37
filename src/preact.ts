/**
 * `@instria/consent/preact`: hooks and a gate component over a consent instance, through the
 * official adapter `@nanostores/preact` (an optional peer dependency).
 *
 * Server rendering and the first client render see the state of no decision (the atom's initial
 * value, which a server instance has too), so hydration agrees with the HTML the server sent;
 * the adapter re-renders with the visitor's decision once the component is mounted.
 */
import { useStore } from '@nanostores/preact';
import { Fragment, h, type ComponentChildren, type VNode } from 'preact';
import { grantedIn } from './core/granted';
import type { Consent, ConsentState } from './core/types';

/**
 * The visitor's decision, re-rendering the component when it changes (the state of no decision
 * until the component is mounted).
 * @example
 * const state = useConsent(consent);
 */
export function useConsent<C extends string>(consent: Consent<C>): ConsentState<C> {
  return useStore(consent.state, { ssr: 'initial' }) as ConsentState<C>;
}

/**
 * Whether `category` (and `service` of it, if given) is granted, as `consent.granted()` says,
 * re-rendering the component when it changes. False on the server and until mounted.
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
  /** Shown instead, until the visitor grants: on the server, on the first render, and after a refusal. */
  fallback?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * Renders its children only when `category` (or its `service`) is granted, else `fallback`;
 * never on the server or on the first render, even for a visitor who accepted.
 * @example
 * <ConsentGate consent={consent} category="analytics" fallback={<p>Analytics are off.</p>}>
 *   <Chart />
 * </ConsentGate>
 */
export function ConsentGate<C extends string>({ consent, category, service, fallback, children }: ConsentGateProps<C>): VNode {
  return h(Fragment, null, useGranted(consent, category, service) ? children : fallback);
}

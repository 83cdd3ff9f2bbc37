/**
 * `@instria/consent/vue`: composables and a gate component over a consent instance, through the
 * official adapter `@nanostores/vue` (an optional peer dependency, with `vue`).
 *
 * Inside a component, server rendering and the render before `onMounted` see the state of no
 * decision (the atom's initial value, which a server instance has too), so hydration agrees
 * with the HTML the server sent; the component then re-renders with the visitor's decision.
 * See: https://vuejs.org/guide/scaling-up/ssr.html#hydration-mismatch
 */
import { useStore } from '@nanostores/vue';
import { computed, defineComponent, getCurrentInstance, onMounted, shallowRef, type ComputedRef, type SlotsType, type VNodeChild } from 'vue';
import { grantedIn } from './core/granted';
import type { Consent, ConsentState } from './core/types';

/** Whether the calling component has mounted (true outside a component: nothing hydrates there). */
function useMounted(): { readonly value: boolean } {
  const mounted = shallowRef(!getCurrentInstance());
  if (!mounted.value) onMounted(() => (mounted.value = true));
  return mounted;
}

/**
 * The visitor's decision as a readonly ref that follows its changes (in a component, the state
 * of no decision until it is mounted).
 * @example
 * const state = useConsent(consent); // state.value.decided
 */
export function useConsent<C extends string>(consent: Consent<C>): ComputedRef<ConsentState<C>> {
  const live = useStore(consent.state);
  const mounted = useMounted();
  return computed(() => (mounted.value ? live.value : consent.state.init) as ConsentState<C>);
}

/**
 * Whether `category` (and `service` of it, if given) is granted, as a readonly ref that follows
 * `consent.granted()`. False on the server and until the component is mounted.
 * @example
 * const analytics = useGranted(consent, 'analytics'); // analytics.value
 */
export function useGranted<C extends string>(consent: Consent<C>, category: NoInfer<C>, service?: string): ComputedRef<boolean> {
  const state = useConsent(consent);
  return computed(() => grantedIn(consent.options, state.value, category, service));
}

/** Props of {@link ConsentGate}. */
export interface ConsentGateProps<C extends string> {
  consent: Consent<C>;
  /** The category the default slot needs. */
  category: NoInfer<C>;
  /** A service of that category it needs, if it is one service rather than the whole category. */
  service?: string;
}

/**
 * Renders its default slot only when `category` (or its `service`) is granted, else its
 * `fallback` slot; never on the server or before it is mounted, even for a visitor who accepted.
 * @example
 * <ConsentGate :consent="consent" category="analytics">
 *   <Chart />
 *   <template #fallback><p>Analytics are off.</p></template>
 * </ConsentGate>
 */
export const ConsentGate = defineComponent(
  <C extends string>(props: ConsentGateProps<C>, { slots }: { slots: { default?: () => VNodeChild; fallback?: () => VNodeChild } }) => {
    const state = useConsent(props.consent);
    return () => (grantedIn(props.consent.options, state.value, props.category, props.service) ? slots.default?.() : slots.fallback?.());
  },
  {
    name: 'ConsentGate',
    props: ['consent', 'category', 'service'],
    slots: Object as SlotsType<{ default?: () => VNodeChild; fallback?: () => VNodeChild }>,
  },
);

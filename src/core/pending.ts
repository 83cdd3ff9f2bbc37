import type { ConsentState } from './types';

type Pending = ConsentState['pending'];

/**
 * Whether `state` has something to ask: no decision yet, or a decision that lacks what was
 * added to the options since (`pending`).
 *
 * @example if (isAsking(consent.state.get())) consent.showBanner();
 */
export const isAsking = ({ decided, pending }: ConsentState): boolean =>
  !decided || !!(pending.categories[0] || pending.services[0]);

/**
 * The arguments of `set()` that decide what is pending, and nothing else, as `value`: what the
 * banner's "Accept all" and "Reject all" do when only items added since the decision are asked.
 *
 * @example consent.set(...pendingChoices(consent.state.get().pending, true));
 */
export const pendingChoices = (
  pending: Pending,
  value: boolean,
): [Record<string, boolean>, { services: Record<string, boolean> }] => {
  const flags = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, value]));
  return [flags(pending.categories), { services: flags(pending.services) }];
};

/**
 * Answers "is this finding waived?" for the pack's policies: the first unexpired waiver of the rule whose
 * resource glob matches the finding's resource. Expiry is read from the clock on every lookup, so a
 * long-running pack process stops waiving at midnight UTC after the expiry date.
 */
import { resourceMatcher } from './resource-glob';
import { type Waiver } from './waiver-file';

/** A waiver lookup: the waiver text (`reason (owner, expires date)`) when a finding of `ruleId` on this resource is waived. */
export type WaiverLookup = (ruleId: string, urn: string | undefined, name: string | undefined) => string | undefined;

/** The instant a waiver stops applying: the end of its `expires` day, UTC. */
export function waiverExpiry(waiver: Pick<Waiver, 'expires'>): Date {
  const [year, month, day] = waiver.expires.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1));
}

/** True once the waiver's expiry day is over. */
export function isExpired(waiver: Pick<Waiver, 'expires'>, now: Date): boolean {
  return now.getTime() >= waiverExpiry(waiver).getTime();
}

/** The text a waived finding carries (see `formatFindingMessage`). */
export function waiverText(waiver: Waiver): string {
  return `${waiver.reason} (${waiver.owner}, expires ${waiver.expires})`;
}

/** Builds the lookup `toPolicy` uses; `now` is the clock (injected by tests). */
export function waiverLookup(waivers: readonly Waiver[], now: () => Date = () => new Date()): WaiverLookup {
  const compiled = waivers.map((waiver) => ({ waiver, matches: resourceMatcher(waiver.resource) }));
  return (ruleId, urn, name) => {
    const today = now();
    const match = compiled.find(
      ({ waiver, matches }) => waiver.rule === ruleId && !isExpired(waiver, today) && matches(urn, name),
    );
    return match ? waiverText(match.waiver) : undefined;
  };
}

/**
 * Remote components the offline engine could not expand, when the run allows them (`--allow-opaque-components`):
 * never silence, one advisory finding per component saying its children were not checked, under a policy of
 * bulwark's own so every report format carries it as it carries a pack's findings.
 */
import { type OpaqueComponent } from '@bulwark/offline';
import { type ReportPolicy, type ReportViolation } from '../report/report-model';
import { TOOL_VERSION } from '../tool-version';

/** The policy name the findings carry. */
export const OPAQUE_COMPONENT_POLICY = 'opaque-component';

/** One advisory finding per opaque component, and the policy entry that places them (none when there are none). */
export function opaqueComponentFindings(
  components: readonly OpaqueComponent[],
  analyzedUrns: readonly string[],
): { violations: ReportViolation[]; policies: ReportPolicy[] } {
  if (components.length === 0) return { violations: [], policies: [] };
  const opaque = new Set(components.map((component) => component.urn));
  return {
    violations: components.map((component) => ({
      policy: OPAQUE_COMPONENT_POLICY,
      pack: 'bulwark',
      packVersion: TOOL_VERSION,
      // A finding of what the engine could not see, not of an unknown property value: a violation, kept advisory.
      kind: 'violation',
      enforcement: 'advisory',
      severity: 'medium',
      urn: component.urn,
      message:
        `not verified offline: ${component.type} is a remote component the offline engine cannot expand (${component.reason}); ` +
        'its children were not checked: run `pulumi preview --policy-pack` where its provider runs',
      waived: false,
    })),
    policies: [
      {
        pack: 'bulwark',
        policy: OPAQUE_COMPONENT_POLICY,
        kind: 'resource',
        enforcement: 'advisory',
        notApplicable: analyzedUrns.filter((urn) => !opaque.has(urn)),
      },
    ],
  };
}

/**
 * Where this pack's rule reference is committed and what makes it this pack's (the renderer is
 * `@bulwark/policy-kit`'s): written by `generate-docs.ts`, checked for freshness by `rules-reference.spec.ts`.
 */
import { join } from 'node:path';
import { type RulesReferenceOptions } from '@bulwark/policy-kit';
import { PACK_NAME, PACK_ROOT } from '../src/pack';

/** `<repo>/docs/rules.md`. */
export const RULES_REFERENCE_PATH = join(PACK_ROOT, '..', '..', 'docs', 'rules.md');

export const RULES_REFERENCE_OPTIONS: RulesReferenceOptions = {
  packName: PACK_NAME,
  generator: 'policies/aws-security/scripts/generate-docs.ts',
  regenerateCommand: 'npm run docs',
  intro: [
    'Findings can be waived in `policies/aws-security/waivers.yaml` (rule, resource glob, reason, owner, expiry); a ' +
      'waived finding is still reported, as advisory, with its reason, until the waiver expires.',
  ],
};

/**
 * Writes `docs/deployability.md` from the rule metadata. Run it with `npm run docs` at the repository root (every
 * pack's reference) or `npx nx run aws-deployability:docs`; `rules-reference.spec.ts` fails when the page is stale.
 */
import { relative } from 'node:path';
import { writeRulesReference } from '@bulwark/policy-kit';
import { allRules } from '../src/rules';
import { RULES_REFERENCE_OPTIONS, RULES_REFERENCE_PATH } from './rules-reference';

writeRulesReference(RULES_REFERENCE_PATH, allRules, RULES_REFERENCE_OPTIONS);
console.log(`wrote ${relative(process.cwd(), RULES_REFERENCE_PATH)} (${allRules.length} rules)`);

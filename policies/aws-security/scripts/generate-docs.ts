/**
 * Writes `docs/rules.md` from the rule metadata. Run it with `npm run docs` in policies/aws-security (or
 * `npx nx run aws-security:docs` from the repository root); `rules-reference.spec.ts` fails when it is stale.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { findPackRoot } from '../src/pack';
import { allRules } from '../src/rules';
import { renderRulesReference, rulesReferencePath } from './rules-reference';

const target = rulesReferencePath(findPackRoot(__dirname));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRulesReference(allRules));
console.log(`wrote ${relative(process.cwd(), target)} (${allRules.length} rules)`);

import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudfrontWaf } from './cloudfront-waf';
import { cloudfrontHttpsOnly } from './cloudfront-https-only';
import { cloudfrontOriginAccessControl } from './cloudfront-origin-access-control';

/** The cloudfront rules, in catalog order. */
export const cloudfrontRules: readonly RuleDefinition[] = [cloudfrontWaf, cloudfrontHttpsOnly, cloudfrontOriginAccessControl];

/**
 * `@bulwark/stack-baseline/testing`: what the baseline's consumers test against: example outputs that satisfy its
 * contract, the baseline run itself, and the checks that a consumer's buckets can deliver access logs into the
 * baseline's bucket and comply with its managed Config rules. Test code, outside nx's `production` input.
 */
export { exampleBaselineOutputs } from './example-outputs';
export { accessLogDeliveryProblems } from './access-log-delivery';
export { configRuleProblems } from './config-rule-compliance';
export { runBaseline } from './stack-run';

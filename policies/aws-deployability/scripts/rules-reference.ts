/**
 * Where this pack's rule reference is committed and what makes it this pack's (the renderer is
 * `@bulwark/policy-kit`'s): written by `generate-docs.ts`, checked for freshness by `rules-reference.spec.ts`.
 */
import { join } from 'node:path';
import { type RulesReferenceOptions } from '@bulwark/policy-kit';
import { PACK_NAME, PACK_ROOT } from '../src/pack';

/** `<repo>/docs/deployability.md`. */
export const RULES_REFERENCE_PATH = join(PACK_ROOT, '..', '..', 'docs', 'deployability.md');

export const RULES_REFERENCE_OPTIONS: RulesReferenceOptions = {
  packName: PACK_NAME,
  title: 'Rule reference: the `aws-deployability` policy pack',
  generator: 'policies/aws-deployability/scripts/generate-docs.ts',
  regenerateCommand: 'npm run docs',
  intro: [
    'The deployability pack catches, from a program\'s inputs, what AWS would reject when `pulumi up` creates a ' +
      'resource, and what deploys but cannot work (a control that silently does nothing): service access to customer ' +
      'managed keys, delivery permissions of log destinations, region and scope, the ordering AWS requires, names and ' +
      'limits, and values AWS does not accept. Each rule cites the AWS documentation it encodes.',
    'What it cannot know offline: account and service quotas (concurrency, number of trails, VPCs...), names already ' +
      'taken in the account or, for S3, in the whole partition, resources that already exist (service-linked roles, ' +
      'a Config recorder made by Control Tower), and what AWS offers on the day of the deploy beyond the data the pack ' +
      'carries (engine versions and runtimes are read from maintained package data or a dated list; see each rule).',
    'Across stacks, `bulwark preview` adds the workspace check `workspace-unique-physical-names` (two stacks of one ' +
      'environment creating the same bucket, role or log group); it is described in the pack README.',
    'Findings can be waived in `policies/aws-deployability/waivers.yaml` (rule, resource glob, reason, owner, expiry).',
  ],
};

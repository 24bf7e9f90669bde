/**
 * What the deployability pack makes of a change AWS would reject: the baseline program with every
 * cloudtrail.amazonaws.com statement taken out of the trail key's policy (CreateTrail then fails with
 * InsufficientEncryptionPolicyException), and `npm start` (the same packs) fails on kms-key-admits-cloudtrail.
 */
import * as pulumi from '@pulumi/pulumi';
import { withResourceChange } from '@bulwark/stack-testing';
import { packFindings, runBaseline } from '../testing/stack-run';

interface Statement {
  readonly Principal?: { readonly Service?: string | readonly string[] };
}

/** The key policy without any statement for CloudTrail. */
function withoutCloudTrail(policy: string): string {
  const document = JSON.parse(policy) as { Statement: Statement[] };
  const services = (statement: Statement) => [statement.Principal?.Service ?? []].flat();
  return JSON.stringify({ ...document, Statement: document.Statement.filter((statement) => !services(statement).includes('cloudtrail.amazonaws.com')) });
}

const dropCloudTrailFromTrailKey = (args: { type: string; name: string; props: Record<string, unknown>; opts: object }) =>
  args.type === 'aws:kms/key:Key' && args.name === 'cloudtrail'
    ? { props: { ...args.props, policy: pulumi.output(args.props['policy'] as pulumi.Input<string>).apply(withoutCloudTrail) }, opts: args.opts }
    : undefined;

describe('baseline: a trail key policy without cloudtrail.amazonaws.com', () => {
  it.each(['preview', 'update'] as const)('is a mandatory kms-key-admits-cloudtrail finding (%s)', async (mode) => {
    const findings = await withResourceChange(dropCloudTrailFromTrailKey, async () => packFindings(await runBaseline('dev', mode)));
    const trail = findings.filter((finding) => finding.enforcement === 'mandatory' && finding.policy === 'kms-key-admits-cloudtrail');
    expect(trail).toEqual([expect.objectContaining({ pack: 'aws-deployability', message: expect.stringContaining('cloudtrail.amazonaws.com calling kms:GenerateDataKey') })]);
  });
});

import { expectedExit, mergeModes, observedFindings, tableLines } from './finding-table';

describe('finding tables', () => {
  it('read a report: undecided findings by their kind, the resource after the project, stack-wide findings as "stack"', () => {
    const report = {
      stacks: [
        {
          project: 'p',
          mode: 'preview',
          violations: [
            { policy: 'vpc-flow-logs', enforcement: 'mandatory', kind: 'violation', urn: 'urn:pulumi:dev::p::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main' },
            { policy: 's3-bucket-tls-only', enforcement: 'advisory', kind: 'undecided', urn: 'urn:pulumi:dev::p::aws:s3/bucketPolicy:BucketPolicy::site' },
            { policy: 'iam-mfa-enforced', enforcement: 'mandatory' },
            { policy: 'rds-multi-az', enforcement: 'advisory', kind: 'violation', urn: 'urn:pulumi:dev::p::aws:rds/instance:Instance::db' },
          ],
        },
      ],
      summary: { resources: 3, mandatory: 2, advisory: 2 },
    };
    expect(observedFindings(report)).toEqual([
      ['mandatory', 'vpc-flow-logs', 'awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::site'],
      ['mandatory', 'iam-mfa-enforced', 'stack'],
      ['advisory', 'rds-multi-az', 'aws:rds/instance:Instance::db'],
    ]);
  });

  it('merge the two modes, counting repeated findings (one per offending block) in each', () => {
    const open = ['mandatory', 'sg-no-public-admin-ingress', 'aws:ec2/securityGroup:SecurityGroup::web'] as const;
    const undecided = ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::site'] as const;
    const rows = mergeModes([open, open, undecided], [open]);
    expect(tableLines(rows)).toEqual(
      tableLines([
        [...open, 'both'],
        [...open, 'preview'],
        [...undecided, 'preview'],
      ]),
    );
    expect(expectedExit(rows, 'update')).toBe(1);
    expect(expectedExit([[...undecided, 'both']], 'preview')).toBe(0);
    expect(expectedExit([['mandatory', 'x', 'stack', 'update']], 'preview')).toBe(0);
  });
});

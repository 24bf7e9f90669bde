import { describeClash, physicalNameClashes, type StackResources } from './unique-physical-names';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

function stack(project: string, resources: StackResources['resources'], region = 'eu-west-1'): StackResources {
  return { project, stack: 'dev', region, account: '111122223333', resources };
}
const bucket = (project: string, name: string) => ({ urn: `urn:pulumi:dev::${project}::aws:s3/bucket:Bucket::logs`, type: 'aws:s3/bucket:Bucket', inputs: { bucket: name } });

describe('workspace-unique-physical-names', () => {
  it('Compliance: distinct names; one stack reusing a name of its own; unknown names', () => {
    expect(physicalNameClashes([stack('baseline', [bucket('baseline', 'bulwark-dev-access-logs')]), stack('data', [bucket('data', 'bulwark-dev-data')])])).toEqual([]);
    expect(physicalNameClashes([stack('baseline', [bucket('baseline', UNKNOWN)]), stack('data', [bucket('data', UNKNOWN)])])).toEqual([]);
  });

  it('Noncompliance 1: baseline and data both create bulwark-dev-access-logs-k3x9q2 (BucketAlreadyOwnedByYou, issue 15 item 1)', () => {
    const clashes = physicalNameClashes([stack('baseline', [bucket('baseline', 'bulwark-dev-access-logs-k3x9q2')]), stack('data', [bucket('data', 'bulwark-dev-access-logs-k3x9q2')])]);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ kind: 'S3 bucket', name: 'bulwark-dev-access-logs-k3x9q2', scope: 'partition aws' });
    expect(describeClash(clashes[0] as never)).toContain('baseline/dev');
    expect(describeClash(clashes[0] as never)).toContain('BucketAlreadyOwnedByYou');
  });

  it('Noncompliance 2: an IAM role name is account-wide, whatever the region; a log group name only clashes in one region', () => {
    const role = (project: string) => ({ urn: `urn:pulumi:dev::${project}::aws:iam/role:Role::r`, type: 'aws:iam/role:Role', inputs: { name: 'bulwark-dev-flow-logs' } });
    const logGroup = (project: string) => ({ urn: `urn:pulumi:dev::${project}::aws:cloudwatch/logGroup:LogGroup::g`, type: 'aws:cloudwatch/logGroup:LogGroup', inputs: { name: '/bulwark/dev/app' } });
    const clashes = physicalNameClashes([stack('network', [role('network'), logGroup('network')], 'eu-west-1'), stack('compute', [role('compute'), logGroup('compute')], 'us-east-1')]);
    expect(clashes.map((clash) => clash.kind)).toEqual(['IAM role']);
  });

  it('Preview: a provider in another region places a regional name there', () => {
    const provider = { urn: 'urn:pulumi:dev::edge::pulumi:providers:aws::use1', type: 'pulumi:providers:aws', inputs: { region: 'us-east-1' } };
    const group = (project: string, viaProvider: boolean) => ({
      urn: `urn:pulumi:dev::${project}::aws:cloudwatch/logGroup:LogGroup::g`,
      type: 'aws:cloudwatch/logGroup:LogGroup',
      inputs: { name: 'aws-waf-logs-edge' },
      ...(viaProvider ? { provider: `${provider.urn}::id` } : {}),
    });
    expect(physicalNameClashes([stack('edge', [provider, group('edge', true)]), stack('other', [group('other', false)], 'eu-west-1')])).toEqual([]);
    expect(physicalNameClashes([stack('edge', [provider, group('edge', true)]), stack('other', [group('other', false)], 'us-east-1')])).toHaveLength(1);
  });
});

import { engineUrn } from '@bulwark/aws-model';
import { type Registration } from '../engine/registration';
import { defaultResourceOptions, RESOURCE_REFERENCE_SIG, SECRET_SIG, SECRET_SIG_KEY, UNKNOWN, type ResourceRecord, type RunMode } from '../types';
import { ComponentBuilder, ResourceHandle, toWire, type ComponentHost } from './component-builder';
import { derive, TracedValue } from './traced-value';

const AWS_PROVIDER = 'urn:pulumi:dev::proj::pulumi:providers:aws::default_7_43_0::aws-default-provider';

/** A host that prepares records as the engine would, in miniature: ids and an `arn` once created. */
function fakeHost(mode: RunMode, existing: ResourceRecord[] = []) {
  const recorded: ResourceRecord[] = [...existing];
  const invokes: string[] = [];
  const host: ComponentHost = {
    mode,
    stack: 'dev',
    prepare(registration: Registration): ResourceRecord {
      const urn = engineUrn('dev', 'proj', registration.type, registration.name, registration.parent);
      const created = mode === 'update' && registration.custom;
      return {
        urn,
        type: registration.type,
        name: registration.name,
        custom: registration.custom,
        ...(registration.parent ? { parent: registration.parent } : {}),
        ...(registration.provider ? { provider: registration.provider } : {}),
        dependencies: registration.dependencies,
        propertyDependencies: registration.propertyDependencies,
        inputs: registration.inputs,
        outputs: created ? { ...registration.inputs, arn: `arn:${registration.name}` } : { ...registration.inputs },
        ...(registration.custom ? { id: created ? `id-${registration.name}` : UNKNOWN } : {}),
        options: registration.options,
      };
    },
    find: (urn) => recorded.find((record) => record.urn === urn),
    invoke: (token) => {
      invokes.push(token);
      return { names: ['us-east-1a', 'us-east-1b'] };
    },
    record: (records) => recorded.push(...records),
    defaultProvider: (pkg, version) => `urn:pulumi:dev::proj::pulumi:providers:${pkg}::default_${version.replace(/\./g, '_')}::${pkg}-default-provider`,
  };
  return { host, recorded, invokes };
}

function component(): ResourceRecord {
  return {
    urn: 'urn:pulumi:dev::proj::awsx:ec2:Vpc::main',
    type: 'awsx:ec2:Vpc',
    name: 'main',
    custom: false,
    parent: 'urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev',
    dependencies: [],
    propertyDependencies: {},
    inputs: {},
    outputs: {},
    options: { ...defaultResourceOptions(), protect: true },
  };
}

describe('ComponentBuilder', () => {
  it('registers a child under the component on the aws provider, with the engine URN of the parent type chain', () => {
    const { host } = fakeHost('preview');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const vpc = build.child('aws:ec2/vpc:Vpc', 'main', { cidrBlock: '10.0.0.0/16' });
    expect(vpc.urn).toBe('urn:pulumi:dev::proj::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main');
    expect(vpc.record).toMatchObject({ parent: component().urn, provider: AWS_PROVIDER, custom: true });
    const subnet = build.child('aws:ec2/subnet:Subnet', 'main-public-1', { vpcId: vpc.id }, { parent: vpc });
    expect(subnet.urn).toBe('urn:pulumi:dev::proj::awsx:ec2:Vpc$aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet::main-public-1');
  });

  it('sends only the inputs the AWS SDK declares for the type, with its defaults, keys sorted', () => {
    const { host } = fakeHost('update');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const group = build.child('aws:ec2/securityGroup:SecurityGroup', 'web', { vpcId: 'vpc-1', subnetStrategy: 'Auto', ingress: [] });
    expect(group.record.inputs).toEqual({ description: 'Managed by Pulumi', ingress: [], vpcId: 'vpc-1' });
    expect(Object.keys(group.record.inputs)).toEqual(['description', 'ingress', 'vpcId']);
    expect(() => build.child('aws:sns/topic:Topic', 't', {})).toThrow('no AWS SDK input declaration for aws:sns/topic:Topic');
  });

  it.each([
    ['preview', UNKNOWN, UNKNOWN],
    ['update', 'id-main', 'arn:main'],
  ] as const)('resolves other children’s outputs for the mode (%s) and records them as property dependencies', (mode, id, arn) => {
    const { host } = fakeHost(mode);
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const vpc = build.child('aws:ec2/vpc:Vpc', 'main', { cidrBlock: '10.0.0.0/16' });
    const gateway = build.child(
      'aws:ec2/internetGateway:InternetGateway',
      'main',
      { vpcId: vpc.id, tags: { Name: 'main', Vpc: vpc.output('arn') } },
      { parent: vpc, dependsOn: [vpc] },
    );
    expect(gateway.record.inputs).toEqual({ tags: { Name: 'main', Vpc: arn }, vpcId: id });
    expect(gateway.record.propertyDependencies).toEqual({ tags: [vpc.urn], vpcId: [vpc.urn] });
    expect(gateway.record.dependencies).toEqual([vpc.urn]);
    expect(gateway.record.options.dependsOn).toEqual([vpc.urn]);
    // An output the provider knows before creating (an input) is known in a preview too.
    expect(vpc.output('cidrBlock').value).toBe('10.0.0.0/16');
  });

  it('leaves out inputs that resolve to nothing, and gives every sent input a dependency entry', () => {
    const { host } = fakeHost('update');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const subnet = build.child('aws:ec2/subnet:Subnet', 's', { vpcId: 'vpc-1', ipv6CidrBlock: TracedValue.of(undefined), region: undefined });
    expect(subnet.record.inputs).toEqual({ vpcId: 'vpc-1' });
    expect(subnet.record.propertyDependencies).toEqual({ vpcId: [] });
  });

  it.each([
    ['preview', UNKNOWN],
    ['update', 'sha256:0f'],
  ] as const)('registers a child of another package on its default provider, its computed outputs by mode (%s)', (mode, digest) => {
    const { host } = fakeHost(mode);
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const sdk = { package: 'docker-build', version: '0.0.14', keys: ['push', 'tags'], defaults: { network: 'default' } };
    const image = build.packageChild(sdk, 'docker-build:index:Image', 'app', { push: true, tags: ['repo:app'], context: '.' }, { computed: { digest: 'sha256:0f' } });
    expect(image.record).toMatchObject({
      provider: 'urn:pulumi:dev::proj::pulumi:providers:docker-build::default_0_0_14::docker-build-default-provider',
      inputs: { network: 'default', push: true, tags: ['repo:app'] },
      custom: true,
    });
    expect(image.output('digest').value).toBe(digest);
    expect(() => build.packageChild(sdk, 'docker:index/image:Image', 'other', {})).toThrow('docker:index/image:Image is not a resource of the docker-build package');
  });

  it('children inherit protect from the component; nested components are components', () => {
    const { host } = fakeHost('preview');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const nested = build.nestedComponent('awsx:ecs:FargateTaskDefinition', 'app');
    expect(nested.record).toMatchObject({ custom: false, inputs: {}, options: { protect: true } });
    expect(nested.record.provider).toBeUndefined();
    expect(nested.reference()).toEqual({ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: nested.urn });
    const role = build.child('aws:iam/role:Role', 'app-task', { assumeRolePolicy: '{}' }, { parent: nested });
    expect(role.urn).toBe('urn:pulumi:dev::proj::awsx:ec2:Vpc$awsx:ecs:FargateTaskDefinition$aws:iam/role:Role::app-task');
    expect(role.record.options.protect).toBe(true);
  });

  it('records nothing until commit, then everything in order', () => {
    const { host, recorded } = fakeHost('preview');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    build.child('aws:ec2/vpc:Vpc', 'main', {});
    build.child('aws:ec2/internetGateway:InternetGateway', 'main', {});
    expect(recorded).toEqual([]);
    expect(build.commit()).toBe(2);
    expect(recorded.map((record) => record.type)).toEqual(['aws:ec2/vpc:Vpc', 'aws:ec2/internetGateway:InternetGateway']);
  });

  it('refuses two children with the same URN', () => {
    const { host } = fakeHost('preview');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    build.child('aws:ec2/vpc:Vpc', 'main', {});
    expect(() => build.child('aws:ec2/vpc:Vpc', 'main', {})).toThrow("Duplicate resource URN 'urn:pulumi:dev::proj::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main'");
  });

  it('answers resource references as the engine does: an unknown id as ""', () => {
    const { host } = fakeHost('preview');
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const vpc = build.child('aws:ec2/vpc:Vpc', 'main', {});
    expect(vpc.reference()).toEqual({ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: vpc.urn, id: '' });
    const { host: updating } = fakeHost('update');
    const created = new ComponentBuilder(updating, component(), AWS_PROVIDER).child('aws:ec2/vpc:Vpc', 'main', {});
    expect(created.reference()).toEqual({ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: created.urn, id: 'id-main' });
  });

  it('looks up resources the program passed in by reference, and calls invokes on the aws provider', () => {
    const program = new ResourceHandle({ ...component(), urn: 'urn:pulumi:dev::proj::aws:lb/targetGroup:TargetGroup::tg', custom: true, id: UNKNOWN, outputs: { port: 80 } })
      .record;
    const { host, invokes } = fakeHost('preview', [program]);
    const build = new ComponentBuilder(host, component(), AWS_PROVIDER);
    const targetGroup = build.resource(program.urn);
    expect(targetGroup.output('port')).toEqual(new TracedValue(80, [program.urn]));
    expect(targetGroup.output('arn').value).toBe(UNKNOWN);
    expect(() => build.resource('urn:pulumi:dev::proj::aws:lb/targetGroup:TargetGroup::missing')).toThrow('which the program has not registered');
    expect(build.invoke('aws:index/getAvailabilityZones:getAvailabilityZones', {})).toEqual({ names: ['us-east-1a', 'us-east-1b'] });
    expect(invokes).toEqual(['aws:index/getAvailabilityZones:getAvailabilityZones']);
  });
});

describe('toWire', () => {
  it('serializes as the SDK does: undefined left out of objects, null in lists, secrets wrapped, references', () => {
    const dependencies = new Set<string>();
    const secret = new TracedValue('hunter2', ['urn:a'], true);
    expect(toWire({ b: [undefined, 1], a: undefined, c: secret }, dependencies)).toEqual({
      b: [null, 1],
      c: { [SECRET_SIG_KEY]: SECRET_SIG, value: 'hunter2' },
    });
    expect([...dependencies]).toEqual(['urn:a']);
  });
});

describe('derive', () => {
  it('runs on known values and carries every dependency', () => {
    const result = derive([new TracedValue(2, ['urn:a']), new TracedValue(3, ['urn:b']), 4], (a, b, c) => Number(a) * Number(b) * Number(c));
    expect(result).toEqual(new TracedValue(24, ['urn:a', 'urn:b']));
  });

  it('is unknown as a whole when any input is or contains an unknown, as an apply in a preview', () => {
    const compute = jest.fn(() => 'never');
    expect(derive([new TracedValue(['subnet-1', UNKNOWN], ['urn:a'])], compute)).toEqual(new TracedValue(UNKNOWN, ['urn:a']));
    expect(compute).not.toHaveBeenCalled();
  });

  it('treats a resource reference as known even while its id is not', () => {
    const reference = { [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: 'urn:a', id: UNKNOWN };
    expect(derive([new TracedValue({ targetGroup: reference })], () => 'ran').value).toBe('ran');
  });

  it('is secret when an input is', () => {
    expect(derive([new TracedValue('s', [], true)], (value) => `${String(value)}!`).secret).toBe(true);
  });
});

import { expandActionPattern, expandKnownActionPattern, iamAction, iamServices, supportsResourceLevelPermissions, UnknownActionError } from './action-catalog';

describe('the IAM action catalogue', () => {
  it('knows concrete actions case-insensitively, with their resource types', () => {
    expect(iamAction('S3:getobject')).toEqual({ name: 's3:GetObject', resourceTypes: expect.arrayContaining(['object']), accessLevels: ['Read'] });
    expect(iamAction('ec2:DescribeInstances')).toEqual({ name: 'ec2:DescribeInstances', resourceTypes: [], accessLevels: ['List'] });
    // A few actions have two access levels in the reference.
    expect(iamAction('s3:PutBucketPolicy')?.accessLevels).toEqual(['Permissions management', 'Write']);
    expect(iamAction('s3:NoSuchAction')).toBeUndefined();
    expect(iamAction('no-such-service:Get')).toBeUndefined();
    expect(iamAction('not an action')).toBeUndefined();
  });

  it('expands a pattern within its service only', () => {
    const names = expandActionPattern('s3:Get*').map((action) => action.name);
    expect(names).toEqual(expect.arrayContaining(['s3:GetObject', 's3:GetBucketPolicy']));
    expect(names.every((name) => name.startsWith('s3:Get'))).toBe(true);
    expect(expandActionPattern('s3:GetObjec?').map((action) => action.name)).toEqual(['s3:GetObject']);
  });

  it('expands wildcards in the service part over matching services', () => {
    const names = expandActionPattern('xra?:PutTraceSegments').map((action) => action.name);
    expect(names).toEqual(['xray:PutTraceSegments']);
  });

  it('lists the catalogue services', () => {
    expect(iamServices()).toEqual(expect.arrayContaining(['s3', 'ec2', 'iam', 'kms', 'xray']));
  });

  it('tells actions that accept only * from those with resource-level permissions', () => {
    expect(supportsResourceLevelPermissions('ec2:DescribeInstances')).toBe(false);
    expect(supportsResourceLevelPermissions('xray:PutTraceSegments')).toBe(false);
    expect(supportsResourceLevelPermissions('xray:Put*')).toBe(false);
    // Some ec2:Describe* actions (DescribeInstanceAttribute) do take resource ARNs.
    expect(supportsResourceLevelPermissions('ec2:Describe*')).toBe(true);
    expect(supportsResourceLevelPermissions('s3:GetObject')).toBe(true);
    expect(supportsResourceLevelPermissions('s3:Get*')).toBe(true);
    expect(supportsResourceLevelPermissions('*')).toBe(true);
  });

  it('is conservative for actions the catalogue does not know', () => {
    expect(supportsResourceLevelPermissions('s3:NoSuchAction')).toBe(true);
    expect(supportsResourceLevelPermissions('madeup:Thing')).toBe(true);
  });

  it('answers repeated look-ups from its cache quickly', () => {
    supportsResourceLevelPermissions('ec2:Describe*');
    const start = process.hrtime.bigint();
    for (let index = 0; index < 1000; index++) iamAction('ec2:DescribeInstances');
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    expect(elapsedMs).toBeLessThan(200);
  });
});

describe('expandKnownActionPattern', () => {
  it('expands a pattern a component writes into its concrete actions', () => {
    expect(expandKnownActionPattern('s3:GetObject').map((action) => action.name)).toEqual(['s3:GetObject']);
    expect(expandKnownActionPattern('kms:Describe*').map((action) => action.name)).toContain('kms:DescribeKey');
  });

  it.each([
    ['s3', '"s3" is not an IAM action: expected "<service>:<Action>"'],
    ['s3:', '"s3:" is not an IAM action'],
    [':GetObject', '":GetObject" is not an IAM action'],
    ['s4:GetObject', '"s4:GetObject": "s4" is not an IAM service prefix'],
    ['s*:GetObject', '"s*:GetObject": "s*" is not an IAM service prefix'],
    ['s3:GetObjekt', '"s3:GetObjekt" matches no s3 action'],
  ])('refuses %s, naming the problem', (pattern, message) => {
    expect(() => expandKnownActionPattern(pattern)).toThrow(UnknownActionError);
    expect(() => expandKnownActionPattern(pattern)).toThrow(message);
  });
});

import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { noHardcodedAccountIds } from './no-hardcoded-account-ids';

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

describe('no-hardcoded-account-ids', () => {
  it('Compliance: ARNs without an account, AWS-managed policy ARNs, other long numbers, allowed ids', async () => {
    const records = [
      resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', { role: 'app', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
      resource('aws:s3/bucketPolicy:BucketPolicy', {
        bucket: 'data',
        policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Resource: 'arn:aws:s3:::data/*' }] }),
      }),
      resource('aws:dynamodb/table:Table', { name: 'orders', readCapacity: 123456789012, tags: { CostCentre: '123456789012345' } }),
    ];
    expect(await evaluate(noHardcodedAccountIds, records)).toEqual([]);
    const partner = resource('aws:lambda/permission:Permission', { sourceAccount: '444455556666', function: 'f', principal: 's3.amazonaws.com' });
    const config = { 'no-hardcoded-account-ids': { allowedAccountIds: ['444455556666'] } };
    expect(await evaluate(noHardcodedAccountIds, [partner], { config })).toEqual([]);
  });

  it('Compliance: the account the provider deploys into (allowedAccountIds), as caller identity resolves it', async () => {
    const provider = resource('pulumi:providers:aws', { region: 'eu-west-1', allowedAccountIds: '["111122223333"]' });
    const role = resource(
      'aws:iam/role:Role',
      {
        assumeRolePolicy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }],
        }),
      },
      { provider },
    );
    expect(await evaluate(noHardcodedAccountIds, [provider, role])).toEqual([]);
    const explicit = resource('pulumi:providers:aws', { region: 'eu-west-1', allowedAccountIds: ['444455556666'] });
    const topic = resource('aws:sns/topicPolicy:TopicPolicy', { arn: 'arn:aws:sns:eu-west-1:444455556666:alerts' }, { provider: explicit });
    expect(await evaluate(noHardcodedAccountIds, [explicit, topic])).toEqual([]);
  });

  it('Compliance: the account the offline engine made up for a program that names none is not the program’s literal', async () => {
    const program = () => {
      const role = new aws.iam.Role('app', { assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) });
      const bucket = new aws.s3.Bucket('data');
      new aws.s3.BucketPolicy('data', {
        bucket: bucket.id,
        policy: pulumi.jsonStringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: role.arn }, Action: 's3:GetObject', Resource: pulumi.interpolate`${bucket.arn}/*` }],
        }),
      });
      const account = aws.getCallerIdentityOutput().accountId;
      new aws.sns.Topic('alerts', { tags: { Account: account } });
      new aws.lambda.Permission('invoke', { action: 'lambda:InvokeFunction', function: 'f', principal: 's3.amazonaws.com', sourceAccount: account, sourceArn: bucket.arn });
    };
    expect(await evaluateProgram(noHardcodedAccountIds, program, { mode: 'update' })).toEqual([]);
    // A literal the program wrote is still one.
    const literal = () =>
      new aws.lambda.Permission('partner', { action: 'lambda:InvokeFunction', function: 'f', principal: 's3.amazonaws.com', sourceAccount: '444455556666' });
    const findings = await evaluateProgram(noHardcodedAccountIds, literal, { mode: 'update' });
    expect(findings.map((finding) => reported(finding).split('\n')[0])).toEqual(['account id 444455556666 is hard-coded in `sourceAccount`']);
  });

  it('Noncompliance 4: an account other than the one the provider deploys into', async () => {
    const provider = resource('pulumi:providers:aws', { allowedAccountIds: '["111122223333"]' });
    const attachment = resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', { role: 'app', policyArn: 'arn:aws:iam::999988887777:policy/x' }, { provider });
    const findings = await evaluate(noHardcodedAccountIds, [provider, attachment]);
    expect(findings.map((finding) => [finding.urn, reported(finding).split('\n')[0]])).toEqual([
      [attachment.urn, 'account id 999988887777 is hard-coded in `policyArn`'],
    ]);
  });

  it('Noncompliance 1: an account id inside an ARN input', async () => {
    const attachment = resource('aws:iam/rolePolicyAttachment:RolePolicyAttachment', {
      role: 'app',
      policyArn: 'arn:aws:iam::111122223333:policy/app-read',
    });
    const findings = await evaluate(noHardcodedAccountIds, [attachment]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'no-hardcoded-account-ids', enforcement: 'advisory', urn: attachment.urn });
    expect(reported(findings[0])).toBe(
      'account id 111122223333 is hard-coded in `policyArn`\nread the account id from `aws.getCallerIdentityOutput()`, ' +
        'stack config or a stack reference instead, or add it to the `allowedAccountIds` config',
    );
  });

  it('Noncompliance 2: bare ids in account-id inputs (sourceAccount, accountId, ownerId), nested and in lists', async () => {
    const permission = resource('aws:lambda/permission:Permission', { sourceAccount: '444455556666', function: 'f', principal: 's3.amazonaws.com' });
    const nested = resource('aws:example/thing:Thing', { settings: { awsAccountId: 555566667777, members: [{ accountId: '888899990000' }] } });
    const image = resource('aws:ec2/amiCopy:AmiCopy', { name: 'copy', sourceAmiId: 'ami-1', tags: { ownerId: '999900001111' } });
    const [first, second, third] = await evaluate(noHardcodedAccountIds, [permission, nested, image]);
    expect(reported(third)).toMatch(/^account id 999900001111 is hard-coded in `tags.ownerId`\n/);
    expect(reported(first)).toMatch(/^account id 444455556666 is hard-coded in `sourceAccount`\n/);
    expect(reported(second)).toMatch(/^account id 555566667777 is hard-coded in `settings.awsAccountId`\naccount id 888899990000 is hard-coded in `settings.members\[0\].accountId`\n/);
  });

  it('Noncompliance 3: ids inside a JSON policy document: principal, condition and resource ARN', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '777788889999' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/*',
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::data' },
      ],
    });
    const findings = await evaluate(noHardcodedAccountIds, [resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: 'data', policy })]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0]).split('\n').slice(0, 2)).toEqual([
      'account id 111122223333 is hard-coded in `policy`, `policy(JSON).Statement[0].Condition.StringEquals["aws:SourceAccount"]`',
      'account id 777788889999 is hard-coded in `policy(JSON).Statement[0].Principal.AWS`',
    ]);
  });

  it('Noncompliance 4: a policy document passed as an object, GovCloud partition', async () => {
    const role = resource('aws:iam/role:Role', {
      assumeRolePolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws-us-gov:iam::222233334444:role/ci'] }, Action: 'sts:AssumeRole' }] },
    });
    const [finding] = await evaluate(noHardcodedAccountIds, [role]);
    expect(reported(finding)).toMatch(/^account id 222233334444 is hard-coded in `assumeRolePolicy.Statement\[0\].Principal.AWS\[0\]`/);
  });

  it('Preview: unknown values are skipped, known literals beside them still reported', async () => {
    const unknowns = resource('aws:iam/role:Role', { assumeRolePolicy: UNKNOWN_VALUE, arn: UNKNOWN_VALUE, tags: { Account: UNKNOWN_VALUE } });
    expect(await evaluate(noHardcodedAccountIds, [unknowns])).toEqual([]);
    const mixed = resource('aws:lambda/permission:Permission', { sourceAccount: '444455556666', sourceArn: UNKNOWN_VALUE });
    const findings = await evaluate(noHardcodedAccountIds, [mixed]);
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcement).toBe('advisory');
  });

  it('never throws on deep, odd or malformed values', async () => {
    let deep: Record<string, unknown> = { accountId: '123456789012' };
    for (let level = 0; level < 200; level++) deep = { inner: deep };
    const records = [
      resource('aws:example/thing:Thing', { deep, broken: '{"accountId": "1234', list: [null, true, 1.5, [[]]] }),
    ];
    expect(await evaluate(noHardcodedAccountIds, records)).toEqual([]);
  });
});

import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { configRecorderEnabled } from './config-recorder-enabled';

const RECORDER = 'aws:cfg/recorder:Recorder';
const STATUS = 'aws:cfg/recorderStatus:RecorderStatus';
const CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';

const fullGroup = { allSupported: true, includeGlobalResourceTypes: true };

function recorder(inputs: Record<string, unknown> = {}) {
  return resource(RECORDER, { name: 'account', roleArn: 'arn:aws:iam::111122223333:role/config', recordingGroup: fullGroup, ...inputs }, { name: 'recorder' });
}
const channel = resource(CHANNEL, { name: 'default', s3BucketName: 'config-snapshots' }, { name: 'channel' });

function status(target: ReturnType<typeof recorder>, inputs: Record<string, unknown> = {}, linked = true) {
  return resource(
    STATUS,
    { name: rawName(target), isEnabled: true, ...inputs },
    { name: 'status', dependsOn: linked ? { name: [target] } : {} },
  );
}
function rawName(target: ReturnType<typeof recorder>): unknown {
  return (target.inputs as Record<string, unknown>)['name'];
}

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

describe('config-recorder-enabled', () => {
  it('Compliance: recorder of all + global types, a delivery channel and an enabled status linked by dependency', async () => {
    const main = recorder();
    expect(await evaluate(configRecorderEnabled, [main, channel, status(main)])).toEqual([]);
  });

  it('Compliance: status linked by name value only; unnamed recorder is "default"; v7 recording strategy', async () => {
    const main = recorder();
    expect(await evaluate(configRecorderEnabled, [main, channel, status(main, {}, false)])).toEqual([]);
    const unnamed = resource(RECORDER, {
      roleArn: 'arn:aws:iam::111122223333:role/config',
      recordingGroup: { ...fullGroup, recordingStrategies: [{ useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' }] },
    });
    const byDefaultName = resource(STATUS, { name: 'default', isEnabled: true });
    expect(await evaluate(configRecorderEnabled, [unnamed, channel, byDefaultName])).toEqual([]);
  });

  it('Compliance: a stack without a recorder is not in scope', async () => {
    expect(await evaluate(configRecorderEnabled, [channel])).toEqual([]);
  });

  it('Noncompliance 1: recordingGroup missing (global types default to off)', async () => {
    const main = recorder({ recordingGroup: undefined });
    const findings = await evaluate(configRecorderEnabled, [main, channel, status(main)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'config-recorder-enabled', enforcement: 'mandatory', urn: main.urn });
    expect(reported(findings[0])).toMatch(/^`recordingGroup` is not set, so global resource types are not recorded/);
  });

  it('Noncompliance 2: recording only some resource types (allSupported false, resourceTypes, exclusion strategy)', async () => {
    const narrow = recorder({
      recordingGroup: {
        allSupported: false,
        includeGlobalResourceTypes: false,
        resourceTypes: ['AWS::EC2::Instance'],
        recordingStrategies: [{ useOnly: 'INCLUSION_BY_RESOURCE_TYPES' }],
      },
    });
    const findings = await evaluate(configRecorderEnabled, [narrow, channel, status(narrow)]);
    expect(findings).toHaveLength(1);
    const lines = reported(findings[0]).split('\n');
    expect(lines).toEqual([
      '`recordingGroup.allSupported` is false; set it to true so every supported resource type is recorded',
      '`recordingGroup.recordingStrategies[].useOnly` is "INCLUSION_BY_RESOURCE_TYPES"; set it to "ALL_SUPPORTED_RESOURCE_TYPES"',
      '`recordingGroup.includeGlobalResourceTypes` is false; set it to true so IAM users, roles and policies are recorded',
    ]);
    const typesOnly = recorder({ recordingGroup: { includeGlobalResourceTypes: true, resourceTypes: ['AWS::S3::Bucket'] } });
    const [typesFinding] = await evaluate(configRecorderEnabled, [typesOnly, channel, status(typesOnly)]);
    expect(reported(typesFinding)).toContain('`recordingGroup.resourceTypes` limits recording to ["AWS::S3::Bucket"]');
  });

  it('Noncompliance 3: no delivery channel (or only one in another region)', async () => {
    const main = recorder({ region: 'us-east-1' });
    const [finding, ...rest] = await evaluate(configRecorderEnabled, [main, status(main)]);
    expect(rest).toEqual([]);
    expect(reported(finding)).toMatch(/^no `aws.cfg.DeliveryChannel` in us-east-1; add one/);
    const elsewhere = resource(CHANNEL, { s3BucketName: 'b', region: 'eu-west-1' });
    expect(await evaluate(configRecorderEnabled, [main, elsewhere, status(main)])).toHaveLength(1);
  });

  it('Noncompliance 4: no status refers to the recorder (another recorder\'s status does not count)', async () => {
    const main = recorder();
    const other = resource(STATUS, { name: 'other', isEnabled: true });
    const findings = await evaluate(configRecorderEnabled, [main, channel, other]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toMatch(/^no `aws.cfg.RecorderStatus` refers to this recorder, so it is never started/);
  });

  it('Noncompliance 5: the status stops the recorder (isEnabled false)', async () => {
    const main = recorder();
    const findings = await evaluate(configRecorderEnabled, [main, channel, status(main, { isEnabled: false })]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toBe('`aws.cfg.RecorderStatus` "status" sets `isEnabled` to false; set it to true');
  });

  it('Preview: unknown values are undecided where they sit; known problems are the verdict', async () => {
    const main = recorder({ name: UNKNOWN_VALUE, recordingGroup: UNKNOWN_VALUE });
    const linked = resource(STATUS, { name: UNKNOWN_VALUE, isEnabled: UNKNOWN_VALUE }, { dependsOn: { name: [main] } });
    const open = await evaluate(configRecorderEnabled, [main, channel, linked]);
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([
      [main.urn, 'recordingGroup'],
      [linked.urn, 'isEnabled'],
    ]);
    // A status with an unknown, unlinked name may be this recorder's: undecided on that name, no finding on the recorder.
    const unlinked = resource(STATUS, { name: UNKNOWN_VALUE, isEnabled: true });
    const compliantRecorder = recorder();
    const pending = await evaluate(configRecorderEnabled, [compliantRecorder, channel, unlinked]);
    expect(mandatory(pending)).toEqual([]);
    expect(undecided(pending).map((finding) => [finding.urn, finding.property])).toEqual([[unlinked.urn, 'name']]);
    // Known violations beside unknowns are still reported.
    const partly = recorder({ recordingGroup: { allSupported: UNKNOWN_VALUE, includeGlobalResourceTypes: false } });
    const findings = await evaluate(configRecorderEnabled, [partly, channel, status(partly)]);
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toContain('`recordingGroup.includeGlobalResourceTypes` is false');
  });

  it('never throws on wrong-typed values', async () => {
    const odd = resource(RECORDER, { name: 3, recordingGroup: [{ allSupported: 'yes', recordingStrategies: 'x' }] });
    const oddStatus = resource(STATUS, { name: { a: 1 }, isEnabled: 'maybe' });
    const findings = await evaluate(configRecorderEnabled, [odd, oddStatus]);
    expect(findings).toHaveLength(1);
  });

  describe('on a real program', () => {
    function program() {
      const role = new aws.iam.Role('config', {
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      });
      const good = new aws.cfg.Recorder('good', { name: 'good', roleArn: role.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
      const bucket = new aws.s3.Bucket('snapshots');
      const channel = new aws.cfg.DeliveryChannel('channel', { s3BucketName: bucket.bucket });
      new aws.cfg.RecorderStatus('good', { name: good.name, isEnabled: true }, { dependsOn: [channel] });
      // Regional-only recorder, started: one finding (global types).
      const regional = new aws.cfg.Recorder('regional', { name: 'regional', roleArn: role.arn, recordingGroup: { allSupported: true } });
      new aws.cfg.RecorderStatus('regional', { name: regional.name, isEnabled: true });
      // Complete recorder that is never started: one finding (no status).
      new aws.cfg.Recorder('idle', { name: 'idle', roleArn: role.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } });
    }

    it.each(['preview', 'update'] as const)('gives the same verdict in %s mode', async (mode) => {
      const findings = mandatory(await evaluateProgram(configRecorderEnabled, program, { mode, stackConfig: { 'aws:region': 'us-east-1' } }));
      expect(findings.map((finding) => [finding.policy, finding.urn?.split('::').pop(), reported(finding).split(';')[0]])).toEqual([
        ['config-recorder-enabled', 'regional', '`recordingGroup.includeGlobalResourceTypes` is not set'],
        ['config-recorder-enabled', 'idle', 'no `aws.cfg.RecorderStatus` refers to this recorder, so it is never started'],
      ]);
    });
  });
});

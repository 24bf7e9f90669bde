import { UNKNOWN } from '@bulwark/offline';
import { resourceNamed } from '@bulwark/core/testing';
import { describeFindings } from '@bulwark/stack-testing';
import { packFindings, runBaseline } from '../testing/stack-run';

const DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';

/** An account where Control Tower (or Security Hub, or a console click) already made the one-per-account resources. */
const adoptEverything = {
  configServiceLinkedRole: true,
  autoScalingServiceLinkedRole: true,
  configRecorder: 'aws-controltower-BaselineConfigRecorder',
  configDeliveryChannel: 'aws-controltower-BaselineConfigDeliveryChannel',
  guardDutyDetectors: { 'eu-west-1': DETECTOR_ID },
  accessAnalyzers: { 'us-east-1': 'ConsoleAnalyzer-0a1b2c3d' },
};

describe('baseline:adoptExisting', () => {
  it('imports the one-per-account and one-per-region resources that already exist instead of creating them, and never deletes them', async () => {
    const result = await runBaseline('dev', 'preview', { 'baseline:adoptExisting': adoptEverything });
    const adopted = (type: string, name: string) => resourceNamed(result, type, name);
    // An imported resource has its id from the start, even in a first preview; a created one has none yet.
    const expectations: [string, string, string][] = [
      ['aws:iam/serviceLinkedRole:ServiceLinkedRole', 'config', 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig'],
      ['aws:iam/serviceLinkedRole:ServiceLinkedRole', 'autoscaling', 'arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling'],
      ['aws:cfg/recorder:Recorder', 'account', 'aws-controltower-BaselineConfigRecorder'],
      ['aws:cfg/deliveryChannel:DeliveryChannel', 'account', 'aws-controltower-BaselineConfigDeliveryChannel'],
      ['aws:guardduty/detector:Detector', 'guardduty-eu-west-1', DETECTOR_ID],
      ['aws:accessanalyzer/analyzer:Analyzer', 'access-analyzer-us-east-1', 'ConsoleAnalyzer-0a1b2c3d'],
    ];
    for (const [type, name, id] of expectations) {
      const record = adopted(type, name);
      expect({ type, name, id: record.id, retained: record.options.retainOnDelete }).toEqual({ type, name, id, retained: true });
    }
    // The adopted resources keep the names they have (an import must match them).
    expect(adopted('aws:cfg/recorder:Recorder', 'account').inputs.name).toBe('aws-controltower-BaselineConfigRecorder');
    expect(adopted('aws:cfg/deliveryChannel:DeliveryChannel', 'account').inputs.name).toBe('aws-controltower-BaselineConfigDeliveryChannel');
    expect(adopted('aws:cfg/recorderStatus:RecorderStatus', 'account').options.retainOnDelete).toBe(true);
    expect(adopted('aws:accessanalyzer/analyzer:Analyzer', 'access-analyzer-us-east-1').inputs.analyzerName).toBe('ConsoleAnalyzer-0a1b2c3d');
    // What is not adopted is created as before.
    expect(adopted('aws:guardduty/detector:Detector', 'guardduty-us-east-1').id).toBe(UNKNOWN);
    expect(adopted('aws:accessanalyzer/analyzer:Analyzer', 'access-analyzer-eu-west-1')).toMatchObject({ id: UNKNOWN, inputs: { analyzerName: 'bulwark-dev-account' } });
    expect(adopted('aws:guardduty/detector:Detector', 'guardduty-us-east-1').options.retainOnDelete).toBeUndefined();
    const mandatory = (await packFindings(result)).filter((finding) => finding.enforcement === 'mandatory');
    expect(describeFindings(mandatory)).toBe('');
  });

  it('creates everything when nothing is adopted (the default)', async () => {
    const result = await runBaseline('dev', 'preview');
    const role = resourceNamed(result, 'aws:iam/serviceLinkedRole:ServiceLinkedRole', 'config');
    expect(role.id).toBe(UNKNOWN);
    expect(role.options.retainOnDelete).toBeUndefined();
  });

  it.each([
    ['an unknown member', { configRecorders: 'x' }, /baseline:adoptExisting = \{"configRecorders":"x"\}: expected a YAML map of the existing resources to adopt/],
    ['a malformed detector id', { guardDutyDetectors: { 'eu-west-1': 'abc' } }, /baseline:adoptExisting\.guardDutyDetectors\.eu-west-1 = "abc": expected a GuardDuty detector id/],
    ['a region the stack does not cover', { guardDutyDetectors: { 'ap-south-1': DETECTOR_ID } }, /baseline:adoptExisting\.guardDutyDetectors\.ap-south-1 = "12abc.*": expected a region of bulwark:regions \(eu-west-1, us-east-1\)/],
    ['a service-linked role with several allowed accounts', { configServiceLinkedRole: true }, /baseline:adoptExisting\.configServiceLinkedRole = true: expected .*exactly one account in aws:allowedAccountIds/],
  ])('rejects %s, naming the key', async (_label, adoptExisting, message) => {
    const overrides: Record<string, unknown> = { 'baseline:adoptExisting': adoptExisting };
    if (_label.includes('several')) overrides['aws:allowedAccountIds'] = ['111122223333', '444455556666'];
    await expect(runBaseline('dev', 'preview', overrides)).rejects.toThrow(message);
  });
});

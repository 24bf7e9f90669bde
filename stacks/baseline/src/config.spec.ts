import { runBaseline } from '../testing/stack-run';

/** Runs the dev stack with keys changed and returns the error message it fails with. */
async function failureWith(overrides: Record<string, unknown>): Promise<string> {
  try {
    await runBaseline('dev', 'preview', overrides);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`the program accepted ${JSON.stringify(overrides)}`);
}

describe('baseline stack config errors name the key, the value and the expected form', () => {
  it.each([
    ['a short minimum password length', { 'baseline:passwordMinimumLength': '12' }, 'baseline:passwordMinimumLength = 12: expected a whole number from 14'],
    ['a minimum length over the IAM maximum', { 'baseline:passwordMinimumLength': '129' }, 'baseline:passwordMinimumLength = 129: expected a whole number from 14'],
    ['a fractional minimum length', { 'baseline:passwordMinimumLength': '14.5' }, 'baseline:passwordMinimumLength = 14.5: expected a whole number from 14'],
    ['a non-numeric minimum length', { 'baseline:passwordMinimumLength': 'long' }, 'baseline:passwordMinimumLength = "long": expected a whole number'],
    ['a reuse prevention under 24', { 'baseline:passwordReusePrevention': '5' }, 'baseline:passwordReusePrevention = 5: expected 24: IAM remembers at most 24 passwords'],
    ['a max age over 90 days', { 'baseline:passwordMaxAgeDays': '120' }, 'baseline:passwordMaxAgeDays = 120: expected a whole number of days from 1 to 90'],
    ['passwords that never expire', { 'baseline:passwordMaxAgeDays': '0' }, 'baseline:passwordMaxAgeDays = 0: expected a whole number of days from 1 to 90'],
    ['a group name with a space', { 'baseline:humanUsersGroupName': 'human users' }, 'baseline:humanUsersGroupName = "human users": expected an IAM group name'],
    ['regions without the primary region', { 'bulwark:regions': ['us-east-1'] }, 'bulwark:regions = ["us-east-1"]: expected a list that includes the primary region aws:region = "eu-west-1"'],
    ['a malformed region', { 'bulwark:regions': ['eu-west-1', 'eu-west1'] }, 'bulwark:regions[1] = "eu-west1": expected an AWS region code'],
    ['a bad backup retention', { 'bulwark:backupRetentionDays': '3' }, 'bulwark:backupRetentionDays = 3: expected a whole number of days from 7 to 35'],
    ['a missing owner', { 'bulwark:owner': undefined }, 'bulwark:owner = (not set): expected'],
    ['a bucket purpose with capitals', { 'baseline:dataEventBucketPurposes': ['App-Data'] }, 'baseline:dataEventBucketPurposes[0] = "App-Data": expected a bucket purpose'],
    ['bucket purposes twice', { 'baseline:dataEventBucketPurposes': ['site', 'site'] }, 'baseline:dataEventBucketPurposes = ["site","site"]: expected a YAML list of distinct bucket purposes'],
    ['a Multi-AZ switch that is not a boolean', { 'baseline:requireRdsMultiAz': 'yes' }, 'baseline:requireRdsMultiAz = "yes": expected true or false'],
    ['a misspelt baseline key', { 'baseline:passwordMinLength': '20' }, 'baseline:passwordMinLength = (value not shown): expected no such key; the baseline namespace holds passwordMinimumLength'],
  ])('%s', async (_label, overrides, message) => {
    const failure = await failureWith(overrides);
    expect(failure).toContain('Invalid stack config');
    expect(failure).toContain(message);
  });

  it('falls back to the baseline defaults when the stack keys are not set', async () => {
    const result = await runBaseline('dev', 'preview', {
      'baseline:passwordMinimumLength': undefined,
      'baseline:passwordReusePrevention': undefined,
      'baseline:passwordMaxAgeDays': undefined,
      'baseline:humanUsersGroupName': undefined,
    });
    const policy = result.resources.find((resource) => resource.type === 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy');
    expect(policy?.inputs).toMatchObject({ minimumPasswordLength: 14, passwordReusePrevention: 24, maxPasswordAge: 90 });
    expect(result.resources.find((resource) => resource.type === 'aws:iam/group:Group')?.inputs.name).toBe('human-users');
  });
});

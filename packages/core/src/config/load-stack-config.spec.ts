import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { mapKey } from './config-key';
import { loadStackConfig } from './load-stack-config';
import { sshAllowedCidrsKey } from './ssh-allowed-cidrs';
import { StackConfigError } from './stack-config-error';

const validConfig: Record<string, string> = {
  'aws:region': 'eu-west-1',
  'aws:allowedAccountIds': '["111122223333"]',
  'bulwark:environment': 'dev',
  'bulwark:owner': 'platform-team@example.com',
  'bulwark:project': 'bulwark',
  'bulwark:uniqueId': 'k3x9q2',
};

function withConfig(overrides: Record<string, string | undefined>): void {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...validConfig, ...overrides })) {
    if (value !== undefined) merged[key] = value;
  }
  pulumi.runtime.setAllConfig(merged);
}

function configErrorFor(overrides: Record<string, string | undefined>, load = () => loadStackConfig()): StackConfigError {
  withConfig(overrides);
  try {
    load();
  } catch (error) {
    if (error instanceof StackConfigError) return error;
    throw error;
  }
  throw new Error(`expected a StackConfigError for ${JSON.stringify(overrides)}`);
}

beforeAll(() => {
  pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    'network',
    'dev',
  );
});

describe('loadStackConfig', () => {
  it('reads the shared keys and applies the defaults', () => {
    withConfig({});
    const config = loadStackConfig();
    expect(config).toEqual({
      environment: 'dev',
      owner: 'platform-team@example.com',
      project: 'bulwark',
      uniqueId: 'k3x9q2',
      region: 'eu-west-1',
      regions: ['eu-west-1'],
      allowedAccountIds: ['111122223333'],
      logRetentionDays: 365,
      backupRetentionDays: 14,
      logArchiveRetentionDays: 365,
      kmsKeyDeletionWindowDays: 30,
      pulumiProject: 'network',
      stack: 'dev',
      settings: {},
    });
  });

  it('reads explicit values for every optional key', () => {
    withConfig({
      'bulwark:regions': '["us-east-1","eu-west-1"]',
      'bulwark:logRetentionDays': '731',
      'bulwark:backupRetentionDays': '7',
      'bulwark:logArchiveRetentionDays': '90',
      'bulwark:kmsKeyDeletionWindowDays': '7',
    });
    const config = loadStackConfig();
    expect(config.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(config.logRetentionDays).toBe(731);
    expect(config.backupRetentionDays).toBe(7);
    expect(config.logArchiveRetentionDays).toBe(90);
    expect(config.kmsKeyDeletionWindowDays).toBe(7);
  });

  it('reads typed stack settings from the project namespace', () => {
    withConfig({ 'network:sshAllowedCidrs': '["203.0.113.10/32","2001:db8::10/128"]' });
    const config = loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } });
    const cidrs: string[] = config.settings.sshAllowedCidrs;
    expect(cidrs).toEqual(['203.0.113.10/32', '2001:db8::10/128']);
  });

  it('defaults an unset SSH allow-list to no hosts', () => {
    withConfig({});
    expect(loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } }).settings.sshAllowedCidrs).toEqual([]);
  });

  // One case per key: the error names the full key, the bad value and the expected form.
  const keyErrors: Array<[string, Record<string, string | undefined>, string, RegExp]> = [
    ['aws:region', { 'aws:region': 'eu-west1' }, 'aws:region = "eu-west1"', /AWS region code/],
    ['aws:region (missing)', { 'aws:region': undefined }, 'aws:region = (not set)', /AWS region code/],
    ['bulwark:environment', { 'bulwark:environment': 'production' }, 'bulwark:environment = "production"', /one of dev, staging, prod/],
    ['bulwark:environment (missing)', { 'bulwark:environment': undefined }, 'bulwark:environment = (not set)', /one of dev, staging, prod/],
    ['bulwark:owner', { 'bulwark:owner': 'aws:platform' }, 'bulwark:owner = "aws:platform"', /not starting with "aws:"/],
    ['bulwark:owner (characters)', { 'bulwark:owner': 'team<script>' }, 'bulwark:owner = "team<script>"', /letters, digits, spaces/],
    ['bulwark:project', { 'bulwark:project': 'Bulwark_Core' }, 'bulwark:project = "Bulwark_Core"', /lowercase slug/],
    ['bulwark:project (reserved prefix)', { 'bulwark:project': 'xn-shop' }, 'bulwark:project = "xn-shop"', /not starting with "xn-"/],
    ['bulwark:uniqueId', { 'bulwark:uniqueId': 'ABC' }, 'bulwark:uniqueId = "ABC"', /4 to 8 lowercase letters or digits/],
    ['bulwark:regions (not a list)', { 'bulwark:regions': 'eu-west-1' }, 'bulwark:regions = "eu-west-1"', /YAML list of region codes/],
    ['bulwark:regions[1]', { 'bulwark:regions': '["eu-west-1","mars-1"]' }, 'bulwark:regions[1] = "mars-1"', /AWS region code/],
    ['bulwark:regions (primary missing)', { 'bulwark:regions': '["us-east-1"]' }, 'bulwark:regions = ["us-east-1"]', /includes the primary region aws:region = "eu-west-1"/],
    ['bulwark:regions (empty)', { 'bulwark:regions': '[]' }, 'bulwark:regions = []', /non-empty list/],
    ['aws:allowedAccountIds (missing)', { 'aws:allowedAccountIds': undefined }, 'aws:allowedAccountIds = (not set)', /YAML list of account ids/],
    ['aws:allowedAccountIds (not a list)', { 'aws:allowedAccountIds': '111122223333' }, 'aws:allowedAccountIds = "111122223333"', /YAML list of account ids/],
    ['aws:allowedAccountIds[1]', { 'aws:allowedAccountIds': '["111122223333","prod"]' }, 'aws:allowedAccountIds[1] = "prod"', /12-digit AWS account id/],
    ['aws:allowedAccountIds (empty)', { 'aws:allowedAccountIds': '[]' }, 'aws:allowedAccountIds = []', /non-empty list of account ids/],
    ['bulwark:logRetentionDays (too short)', { 'bulwark:logRetentionDays': '30' }, 'bulwark:logRetentionDays = 30', /at least 90/],
    ['bulwark:logRetentionDays (not a CloudWatch value)', { 'bulwark:logRetentionDays': '100' }, 'bulwark:logRetentionDays = 100', /one of 90, 120/],
    ['bulwark:logRetentionDays (not a number)', { 'bulwark:logRetentionDays': 'forever' }, 'bulwark:logRetentionDays = "forever"', /whole number of days/],
    ['bulwark:backupRetentionDays (too short)', { 'bulwark:backupRetentionDays': '3' }, 'bulwark:backupRetentionDays = 3', /from 7 to 35/],
    ['bulwark:backupRetentionDays (too long)', { 'bulwark:backupRetentionDays': '36' }, 'bulwark:backupRetentionDays = 36', /from 7 to 35/],
    ['bulwark:backupRetentionDays (fraction)', { 'bulwark:backupRetentionDays': '7.5' }, 'bulwark:backupRetentionDays = 7.5', /whole number of days from 7 to 35/],
    ['bulwark:logArchiveRetentionDays', { 'bulwark:logArchiveRetentionDays': '30' }, 'bulwark:logArchiveRetentionDays = 30', /from 90 to 3653/],
    ['bulwark:kmsKeyDeletionWindowDays', { 'bulwark:kmsKeyDeletionWindowDays': '5' }, 'bulwark:kmsKeyDeletionWindowDays = 5', /from 7 to 30/],
    ['bulwark:<unknown key>', { 'bulwark:enviroment': 'prod' }, 'bulwark:enviroment = (value not shown)', /no such key; the bulwark namespace holds environment, owner/],
  ];

  it.each(keyErrors)('names %s, its bad value and the expected form', (_label, overrides, keyAndValue, expected) => {
    const error = configErrorFor(overrides);
    expect(error.issues).toHaveLength(1);
    const line = error.message.split('\n').find((candidate) => candidate.includes(keyAndValue));
    expect(line).toBeDefined();
    expect(line).toMatch(expected);
  });

  it('names the list index of a bad SSH host', () => {
    const error = configErrorFor({ 'network:sshAllowedCidrs': '["203.0.113.10/32","10.0.0.0/8"]' }, () =>
      loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } }),
    );
    expect(error.issues).toEqual([
      { key: 'network:sshAllowedCidrs[1]', value: '10.0.0.0/8', expected: expect.stringMatching(/single host.*\/32.*\/128/) },
    ]);
    expect(error.message).toContain('network:sshAllowedCidrs[1] = "10.0.0.0/8": expected a single host');
  });

  it('rejects an SSH allow-list that is not a list', () => {
    const error = configErrorFor({ 'network:sshAllowedCidrs': '203.0.113.10/32' }, () =>
      loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } }),
    );
    expect(error.message).toContain('network:sshAllowedCidrs = "203.0.113.10/32": expected a YAML list of single hosts');
  });

  it('reports every bad key in one error', () => {
    const error = configErrorFor({ 'bulwark:environment': 'qa', 'bulwark:uniqueId': 'x', 'aws:region': undefined });
    expect(error.issues.map((issue) => issue.key)).toEqual(['bulwark:environment', 'bulwark:uniqueId', 'aws:region']);
    expect(error.message).toMatch(/^Invalid stack config \(3 values\)/);
  });

  it('rejects an unknown key of the settings namespace, naming the keys it holds', () => {
    const error = configErrorFor({ 'network:sshAllowedCidr': '["203.0.113.10/32"]' }, () =>
      loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } }),
    );
    expect(error.issues).toEqual([
      { key: 'network:sshAllowedCidr', value: undefined, valueHidden: true, expected: 'no such key; the network namespace holds sshAllowedCidrs' },
    ]);
    expect(error.message).toContain('network:sshAllowedCidr = (value not shown): expected no such key; the network namespace holds sshAllowedCidrs');
  });

  it('reads the settings from the namespace it is given, and checks unknown keys there', () => {
    withConfig({ 'edge:sshAllowedCidrs': '["203.0.113.10/32"]', 'network:other': 'x' });
    const config = loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey }, settingsNamespace: 'edge' });
    expect(config.settings.sshAllowedCidrs).toEqual(['203.0.113.10/32']);
    const error = configErrorFor({ 'edge:sshHosts': '[]' }, () => loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey }, settingsNamespace: 'edge' }));
    expect(error.issues.map((issue) => issue.key)).toEqual(['edge:sshHosts']);
  });

  describe('a YAML map key (mapKey)', () => {
    const adoption = mapKey(
      z.strictObject({ recorder: z.string({ error: 'a recorder name' }).optional(), detectors: z.record(z.string(), z.string().regex(/^[0-9a-f]{32}$/, { error: 'a detector id' })).optional() }, { error: 'a YAML map' }),
      'a YAML map of what to adopt',
    );

    it('reads a map the Pulumi CLI passes as JSON text', () => {
      withConfig({ 'network:adopt': '{"recorder":"default","detectors":{"eu-west-1":"12abc34d567e8fa901bc2d34e56789f0"}}' });
      expect(loadStackConfig({ settings: { adopt: adoption } }).settings.adopt).toEqual({
        recorder: 'default',
        detectors: { 'eu-west-1': '12abc34d567e8fa901bc2d34e56789f0' },
      });
    });

    it('names the member path of a bad value, an unknown member, and text that is not a map', () => {
      expect(configErrorFor({ 'network:adopt': '{"detectors":{"eu-west-1":"nope"}}' }, () => loadStackConfig({ settings: { adopt: adoption } })).issues).toEqual([
        { key: 'network:adopt.detectors.eu-west-1', value: 'nope', expected: 'a detector id' },
      ]);
      expect(configErrorFor({ 'network:adopt': '{"recorders":"x"}' }, () => loadStackConfig({ settings: { adopt: adoption } })).message).toContain(
        'network:adopt = {"recorders":"x"}: expected',
      );
      expect(configErrorFor({ 'network:adopt': '["default"]' }, () => loadStackConfig({ settings: { adopt: adoption } })).message).toContain(
        'network:adopt = "[\\"default\\"]": expected a YAML map of what to adopt',
      );
    });
  });

  it('leaves keys of the project namespace alone when the stack declares no settings', () => {
    withConfig({ 'network:readByTheProgram': 'yes' });
    expect(loadStackConfig().settings).toEqual({});
  });

  it('reports unknown settings keys after the bad values, in one error', () => {
    const error = configErrorFor({ 'bulwark:uniqueId': 'x', 'network:sshHosts': '[]', 'network:sshAllowedCidrs': '["10.0.0.0/8"]' }, () =>
      loadStackConfig({ settings: { sshAllowedCidrs: sshAllowedCidrsKey } }),
    );
    expect(error.issues.map((issue) => issue.key)).toEqual(['bulwark:uniqueId', 'network:sshAllowedCidrs[0]', 'network:sshHosts']);
  });

  describe('contradictions', () => {
    const settings = { sshAllowedCidrs: sshAllowedCidrsKey };
    const tooManyHosts = (config: { settings: { sshAllowedCidrs: string[] } }) =>
      config.settings.sshAllowedCidrs.length > 1 ? [{ key: 'network:sshAllowedCidrs', value: config.settings.sshAllowedCidrs, expected: 'at most 1 host' }] : [];

    it('returns the config when the stack rules find nothing', () => {
      withConfig({ 'network:sshAllowedCidrs': '["203.0.113.10/32"]' });
      expect(loadStackConfig({ settings, contradictions: tooManyHosts }).settings.sshAllowedCidrs).toEqual(['203.0.113.10/32']);
    });

    it('reports what the stack rules find, with the value and the expected form', () => {
      const error = configErrorFor({ 'network:sshAllowedCidrs': '["203.0.113.10/32","203.0.113.11/32"]' }, () =>
        loadStackConfig({ settings, contradictions: tooManyHosts }),
      );
      expect(error.message).toContain('network:sshAllowedCidrs = ["203.0.113.10/32","203.0.113.11/32"]: expected at most 1 host');
    });

    it('reports them together with unknown settings keys', () => {
      const error = configErrorFor({ 'network:sshAllowedCidrs': '["203.0.113.10/32","203.0.113.11/32"]', 'network:sshHosts': '[]' }, () =>
        loadStackConfig({ settings, contradictions: tooManyHosts }),
      );
      expect(error.issues.map((issue) => issue.key)).toEqual(['network:sshHosts', 'network:sshAllowedCidrs']);
    });

    it('does not run while a key holds an invalid value', () => {
      const rules = jest.fn(() => []);
      configErrorFor({ 'network:sshAllowedCidrs': '["10.0.0.0/8"]' }, () => loadStackConfig({ settings, contradictions: rules }));
      expect(rules).not.toHaveBeenCalled();
    });
  });

  it('never echoes the value of an unknown key, which may be a misplaced secret', () => {
    const error = configErrorFor({ 'bulwark:dbPassword': 'hunter2' });
    expect(error.message).not.toContain('hunter2');
  });
});

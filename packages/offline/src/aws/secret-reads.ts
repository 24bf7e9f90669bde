/**
 * Reading a secret offline (`aws.secretsmanager.getSecret`, `getSecretVersion`): its value lives only in the
 * account, and a program reads it to pass it on (a database password, an API key), not to decide what to create.
 * The answer is a labelled placeholder value, as for `secure:` config, with the metadata Secrets Manager returns.
 */
import { partitionOf } from '@bulwark/aws-model';
import { stableHex } from './stable-ids';
import { requestedRegion, type AwsEnvironment } from './aws-environment';

type Json = Record<string, unknown>;

/** The name a secret is read by: its name, or the last part of its ARN. */
function secretName(args: Json): string {
  const given = args['secretId'] ?? args['name'] ?? args['arn'];
  const text = typeof given === 'string' && given !== '' ? given : 'secret';
  return text.startsWith('arn:') ? (text.split(':secret:')[1] ?? text).replace(/-[A-Za-z0-9]{6}$/, '') : text;
}

function secretArn(args: Json, environment: AwsEnvironment): string {
  const given = args['secretId'] ?? args['arn'];
  if (typeof given === 'string' && given.startsWith('arn:')) return given;
  const name = secretName(args);
  const region = requestedRegion(args, environment);
  const { account } = environment;
  return `arn:${partitionOf(region)}:secretsmanager:${region}:${account}:secret:${name}-${stableHex(`secret:${name}`, 6)}`;
}

/** The value every offline secret read returns: recognisable in reports, never a real secret. */
export function placeholderSecretValue(name: string): string {
  return `offline-placeholder-secret-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** `aws:secretsmanager/getSecret:getSecret`: the secret's metadata. */
export function getSecret(args: Json, environment: AwsEnvironment): Json {
  const name = secretName(args);
  const arn = secretArn(args, environment);
  return {
    id: arn,
    arn,
    name,
    description: `offline placeholder for the secret ${name}`,
    kmsKeyId: '',
    policy: '',
    createdDate: '2000-01-01T00:00:00Z',
    lastChangedDate: '2000-01-01T00:00:00Z',
    region: requestedRegion(args, environment),
    tags: {},
    type: '',
  };
}

/** `aws:secretsmanager/getSecretVersion:getSecretVersion`: a placeholder value, labelled as one. */
export function getSecretVersion(args: Json, environment: AwsEnvironment): Json {
  const name = secretName(args);
  const arn = secretArn(args, environment);
  const versionId = typeof args['versionId'] === 'string' ? args['versionId'] : stableHex(`version:${name}`, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
  return {
    id: `${arn}|${args['versionStage'] ?? 'AWSCURRENT'}`,
    arn,
    secretArn: arn,
    secretId: args['secretId'],
    secretString: placeholderSecretValue(name),
    secretBinary: '',
    versionId,
    versionStage: args['versionStage'] ?? 'AWSCURRENT',
    versionStages: ['AWSCURRENT'],
    createdDate: '2000-01-01T00:00:00Z',
    region: requestedRegion(args, environment),
  };
}

/**
 * The provider functions (invokes) the offline engine answers: caller identity, region, partition, availability
 * zones, SSM parameters (including the public AMI parameters), IAM policy documents and the account's default
 * VPC. Anything else is refused with its token named, so a program never runs on a made-up answer.
 */
import { dnsSuffixOf, partitionOf, renderGetPolicyDocument } from '@bulwark/aws-model';
import { stableHex } from './stable-ids';
import { defaultSubnetLookup, defaultSubnetsLookup, defaultVpcLookup } from './default-vpc';
import { type AwsEnvironment } from './resources';

type Json = Record<string, unknown>;

/** Raised for an invoke the engine cannot answer; the message names the token and what to do. */
export class UnsupportedInvokeError extends Error {
  override readonly name = 'UnsupportedInvokeError';
}

export interface InvokeContext extends AwsEnvironment {
  /** SSM parameters the program may read, by name (public `/aws/service/...` parameters are answered anyway). */
  readonly ssmParameters: Readonly<Record<string, string>>;
}

function regionOf(args: Json, context: InvokeContext): string {
  const region = args['region'] ?? args['name'];
  return typeof region === 'string' && region !== '' ? region : context.region;
}

function availabilityZones(region: string): Json {
  const letters = ['a', 'b', 'c'];
  const regionCode = region.split('-').map((part, index) => (index === 1 ? part.slice(0, 3) : part)).join('');
  return {
    id: region,
    names: letters.map((letter) => `${region}${letter}`),
    zoneIds: letters.map((_letter, index) => `${regionCode.slice(0, 4)}-az${index + 1}`),
    groupNames: [region],
    state: 'available',
    region,
  };
}

function ssmParameter(args: Json, context: InvokeContext): Json {
  const name = String(args['name'] ?? '');
  const region = regionOf(args, context);
  const given = context.ssmParameters[name];
  let value: string;
  if (given !== undefined) value = given;
  else if (/^\/aws\/service\/.*\bami\b|^\/aws\/service\/ami-|^\/aws\/service\/(ami-amazon-linux|ami-windows|canonical|debian|bottlerocket|ecs\/optimized-ami|eks\/optimized-ami)/.test(name)) {
    value = `ami-${stableHex(`${region}:${name}`, 17)}`;
  } else {
    throw new UnsupportedInvokeError(
      `SSM parameter "${name}" is not known offline: give its value in the run options (ssmParameters) or read it from config`,
    );
  }
  return {
    id: name,
    name,
    type: 'String',
    value,
    insecureValue: value,
    version: 1,
    withDecryption: args['withDecryption'] ?? true,
    arn: `arn:${partitionOf(region)}:ssm:${region}:${name.startsWith('/aws/') ? '' : context.account}:parameter${name.startsWith('/') ? '' : '/'}${name}`,
  };
}

/** Answers an invoke, or throws {@link UnsupportedInvokeError}. */
export function answerInvoke(token: string, args: Json, context: InvokeContext): Json {
  const partition = partitionOf(context.region);
  switch (token) {
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return {
        id: context.account,
        accountId: context.account,
        arn: `arn:${partition}:sts::${context.account}:assumed-role/bulwark-offline/offline`,
        userId: `AROA${stableHex(context.account, 17).toUpperCase()}:offline`,
      };
    case 'aws:index/getRegion:getRegion': {
      const region = regionOf(args, context);
      return { id: region, name: region, region, description: region, endpoint: `ec2.${region}.${dnsSuffixOf(partitionOf(region))}` };
    }
    case 'aws:index/getPartition:getPartition': {
      const value = partitionOf(regionOf(args, context));
      const dnsSuffix = dnsSuffixOf(value);
      return { id: value, partition: value, dnsSuffix, reverseDnsPrefix: dnsSuffix.split('.').reverse().join('.') };
    }
    case 'aws:index/getAvailabilityZones:getAvailabilityZones':
      return availabilityZones(regionOf(args, context));
    case 'aws:ssm/getParameter:getParameter':
      return ssmParameter(args, context);
    case 'aws:iam/getPolicyDocument:getPolicyDocument':
      return renderGetPolicyDocument(args);
    case 'aws:iam/getPolicy:getPolicy': {
      const name = typeof args['name'] === 'string' ? args['name'] : undefined;
      const arn = typeof args['arn'] === 'string' ? args['arn'] : name ? `arn:${partition}:iam::aws:policy/${name}` : undefined;
      if (!arn) throw new UnsupportedInvokeError('aws:iam/getPolicy:getPolicy needs an arn or a name offline');
      return { id: arn, arn, name: arn.split('/').pop(), path: '/', policy: '{"Version":"2012-10-17","Statement":[]}' };
    }
    case 'aws:ec2/getVpc:getVpc':
      return defaultVpcLookup(args, context) ?? unsupported(token, `VPC ${JSON.stringify(args)} is not the account's default VPC`);
    case 'aws:ec2/getSubnets:getSubnets':
      return defaultSubnetsLookup(args, context) ?? unsupported(token, `only the default VPC's subnets are known (got ${JSON.stringify(args)})`);
    case 'aws:ec2/getSubnet:getSubnet':
      return defaultSubnetLookup(args, context) ?? unsupported(token, `subnet ${JSON.stringify(args)} was not created by this run nor is a default subnet`);
    default:
      return unsupported(token);
  }
}

function unsupported(token: string, detail?: string): never {
  throw new UnsupportedInvokeError(
    `the offline engine cannot answer the invoke ${token}${detail ? ` (${detail})` : ''}: it emulates getCallerIdentity, getRegion, ` +
      'getPartition, getAvailabilityZones, ssm getParameter, iam getPolicyDocument, iam getPolicy and the default VPC; pass the value through config instead',
  );
}

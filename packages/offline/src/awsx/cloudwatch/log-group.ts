/**
 * The CloudWatch log group awsx creates for a component (an ECS task definition's container logs, a trail's
 * CloudWatch delivery): a new `aws:cloudwatch/logGroup:LogGroup` with only the program's `args` (awsx sets no
 * retention), or an existing group by ARN or name; plus the group's id (name, region, ARN) the component wires
 * into its other resources. The provider builds the ARN itself, always in the `aws` partition.
 */
import { UNKNOWN, type WireValue } from '../../types';
import { type ComponentBuilder, type ResourceHandle } from '../component-builder';
import { type ComponentInputs, type InputPath } from '../component-inputs';
import { ComponentArgumentError } from '../model-errors';
import { derive, type TracedValue } from '../traced-value';

export interface LogGroup {
  readonly logGroup?: ResourceHandle;
  /** `{ logGroupName, logGroupRegion, arn }`; undefined when there is no log group. */
  readonly logGroupId?: TracedValue;
}

/** The region an invoke on the component's provider answers (`aws.getRegion({}, { parent })`). */
export function providerRegion(build: ComponentBuilder): string {
  const region = build.invoke('aws:index/getRegion:getRegion', {});
  return String(region['name'] ?? region['region']);
}

function idFromArn(arn: WireValue | undefined): WireValue {
  const parts = String(arn).split(':');
  if (parts[0] !== 'arn') throw new ComponentArgumentError('Invalid ARN: must start with "arn:"');
  if (parts.length !== 6 && parts.length !== 7) throw new ComponentArgumentError('Invalid ARN: must be between 6 or 7 parts"');
  const [, , service, region = '', , typeOrId = '', id] = parts;
  const resourceType = id !== undefined ? typeOrId : typeOrId.includes('/') ? typeOrId.slice(0, typeOrId.indexOf('/')) : undefined;
  const resourceId = id !== undefined ? id : typeOrId.includes('/') ? typeOrId.slice(typeOrId.indexOf('/') + 1) : typeOrId;
  if (service !== 'logs' || resourceType !== 'log-group') throw new ComponentArgumentError('Invalid log group ARN');
  return { arn: String(arn), logGroupName: resourceId, logGroupRegion: region };
}

function idFromName(build: ComponentBuilder, name: TracedValue | WireValue, region: TracedValue | WireValue): TracedValue {
  const account = String(build.invoke('aws:index/getCallerIdentity:getCallerIdentity', {})['accountId']);
  return derive([name, region], (logGroupName, logGroupRegion) => idFromArn(`arn:aws:logs:${String(logGroupRegion)}:${account}:log-group:${String(logGroupName)}`));
}

/** `requiredLogGroup`: an existing group, else a new one named after the component. */
export function requiredLogGroup(build: ComponentBuilder, name: string, inputs: ComponentInputs, path: InputPath, parent: ResourceHandle): LogGroup {
  if (inputs.has(...path, 'existing') && inputs.has(...path, 'args')) {
    throw new ComponentArgumentError("Can't define log group args if specifying an existing log group name");
  }
  if (inputs.has(...path, 'existing')) {
    if (inputs.isTruthy(...path, 'existing', 'arn')) {
      return { logGroupId: derive([inputs.value(...path, 'existing', 'arn')], idFromArn) };
    }
    if (inputs.isTruthy(...path, 'existing', 'name')) {
      const region = inputs.isTruthy(...path, 'existing', 'region') ? (inputs.value(...path, 'existing', 'region') as TracedValue) : providerRegion(build);
      return { logGroupId: idFromName(build, inputs.value(...path, 'existing', 'name') ?? UNKNOWN, region) };
    }
    throw new ComponentArgumentError('One of an existing log group name or ARN must be specified');
  }
  const logGroup = build.child('aws:cloudwatch/logGroup:LogGroup', name, inputs.entries(...path, 'args'), { parent });
  return { logGroup, logGroupId: idFromName(build, logGroup.output('name'), providerRegion(build)) };
}

/** `defaultLogGroup`: created unless `skip`. */
export function defaultLogGroup(build: ComponentBuilder, name: string, inputs: ComponentInputs, path: InputPath, parent: ResourceHandle): LogGroup {
  if (inputs.decide(...path, 'skip')) return {};
  return requiredLogGroup(build, name, inputs, path, parent);
}

/** `optionalLogGroup`: created only when `enable`. */
export function optionalLogGroup(build: ComponentBuilder, name: string, inputs: ComponentInputs, path: InputPath, parent: ResourceHandle): LogGroup {
  if (!inputs.decide(...path, 'enable')) return {};
  return requiredLogGroup(build, name, inputs, path, parent);
}

import { RESOURCE_REFERENCE_SIG, SECRET_SIG, SECRET_SIG_KEY, UNKNOWN } from '../types';
import { ComponentInputs, formatInputPath } from './component-inputs';
import { UndecidableInputError } from './model-errors';
import { TracedValue } from './traced-value';

const secret = (value: unknown) => ({ [SECRET_SIG_KEY]: SECRET_SIG, value }) as never;

const inputs = new ComponentInputs(
  {
    numberOfAvailabilityZones: UNKNOWN,
    natGateways: { strategy: 'Single', elasticIpAllocationIds: [UNKNOWN, 'eipalloc-2'] },
    subnetSpecs: [{ type: 'Private', cidrMask: 20, tags: { Team: UNKNOWN } }],
    tags: secret({ Owner: 'platform' }),
    taskDefinitionArgs: { container: { image: 'nginx', portMappings: [{ targetGroup: { [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: 'urn:tg', id: '' } }] } },
    securityGroupId: '',
  },
  { subnetSpecs: ['urn:config'], taskDefinitionArgs: ['urn:repo'] },
);

describe('ComponentInputs', () => {
  it('passes a value on with the dependencies of its top-level property, unknowns kept', () => {
    expect(inputs.value('subnetSpecs', 0, 'tags')).toEqual(new TracedValue({ Team: UNKNOWN }, ['urn:config']));
    expect(inputs.value('natGateways', 'elasticIpAllocationIds', 0)).toEqual(new TracedValue(UNKNOWN, []));
    expect(inputs.value('availabilityZoneNames')).toBeUndefined();
    // A property under an unknown value is unknown.
    expect(inputs.value('numberOfAvailabilityZones', 'anything')?.value).toBe(UNKNOWN);
  });

  it('decides on known values, secrets unwrapped, and names the input it cannot decide', () => {
    expect(inputs.decideString('natGateways', 'strategy')).toBe('Single');
    expect(inputs.decide('tags')).toEqual({ Owner: 'platform' });
    expect(inputs.value('tags')?.secret).toBe(true);
    expect(() => inputs.decideNumber('numberOfAvailabilityZones')).toThrow(UndecidableInputError);
    expect(() => inputs.decideNumber('numberOfAvailabilityZones')).toThrow('its input `numberOfAvailabilityZones` is unknown during this run');
    expect(() => inputs.decide('natGateways', 'elasticIpAllocationIds')).toThrow('`natGateways.elasticIpAllocationIds`');
  });

  it('decides a shape without its contents: how many, which keys', () => {
    expect(inputs.decideLength('natGateways', 'elasticIpAllocationIds')).toBe(2);
    expect(inputs.decideKeys('subnetSpecs', 0, 'tags')).toEqual(['Team']);
    expect(inputs.entries('subnetSpecs', 0, 'tags')).toEqual({ Team: new TracedValue(UNKNOWN, ['urn:config']) });
    expect(() => inputs.decideLength('numberOfAvailabilityZones')).toThrow(UndecidableInputError);
  });

  it('reads truthiness as the provider’s `if (args.x)`: unknown is an Output object, so truthy', () => {
    expect(inputs.isTruthy('numberOfAvailabilityZones')).toBe(true);
    expect(inputs.isTruthy('securityGroupId')).toBe(false);
    expect(inputs.isTruthy('missing')).toBe(false);
    expect(inputs.has('securityGroupId')).toBe(true);
  });

  it('scopes to a nested argument object, keeping its dependencies and naming full paths', () => {
    const task = inputs.scoped('taskDefinitionArgs');
    expect(task.value('container', 'image')).toEqual(new TracedValue('nginx', ['urn:repo']));
    expect(task.reference('container', 'portMappings', 0, 'targetGroup')).toBe('urn:tg');
    expect(() => inputs.scoped('numberOfAvailabilityZones').decide('x')).toThrow('`numberOfAvailabilityZones.x`');
  });

  it('formats paths as error messages name inputs', () => {
    expect(formatInputPath(['subnetSpecs', 0, 'cidrMask'])).toBe('subnetSpecs[0].cidrMask');
  });
});

import { RESOURCE_REFERENCE_SIG, SECRET_SIG_KEY, UNKNOWN, type WireProperties } from '../types';
import { analyzerProperties } from './analyzer-properties';

const reference = (urn: string, id?: string) => ({ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn, ...(id !== undefined ? { id } : {}) });

describe('analyzer properties', () => {
  it('downgrades resource references as the engine does for analyzers: ids, unknown ids, component URNs', () => {
    const properties: WireProperties = {
      vpc: reference('urn:pulumi:dev::p::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main', 'vpc-0a'),
      subnets: [reference('urn:s1', ''), reference('urn:s2', UNKNOWN)],
      nested: { taskDefinition: reference('urn:pulumi:dev::p::awsx:ecs:FargateTaskDefinition::app') },
      plain: 'value',
    };
    expect(analyzerProperties(properties)).toEqual({
      vpc: 'vpc-0a',
      subnets: [UNKNOWN, UNKNOWN],
      nested: { taskDefinition: 'urn:pulumi:dev::p::awsx:ecs:FargateTaskDefinition::app' },
      plain: 'value',
    });
  });

  it('returns the same object when there is nothing to downgrade, and converts each object once', () => {
    const plain: WireProperties = { tags: { Name: 'x' }, list: [1, 2] };
    expect(analyzerProperties(plain)).toBe(plain);
    const withReference: WireProperties = { vpc: reference('urn:v', 'vpc-1') };
    expect(analyzerProperties(withReference)).toBe(analyzerProperties(withReference));
  });
});

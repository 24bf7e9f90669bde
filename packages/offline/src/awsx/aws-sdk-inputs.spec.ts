import { readFileSync } from 'node:fs';
import { AWS_SDK_INPUTS, awsSdkInputs } from './aws-sdk-inputs';

/** The installed SDK's constructor source for a type token (`aws:ec2/subnet:Subnet` → `@pulumi/aws/ec2/subnet.js`). */
function constructorSource(type: string): string {
  const modulePath = type.split(':')[1] as string;
  return readFileSync(require.resolve(`@pulumi/aws/${modulePath}.js`), 'utf8');
}

describe('AWS SDK input declarations', () => {
  it.each(Object.keys(AWS_SDK_INPUTS))('%s declares the inputs and defaults of the installed SDK', (type) => {
    const source = constructorSource(type);
    expect(source).toContain(`__pulumiType = '${type}'`);
    const keys = [...source.matchAll(/resourceInputs\["(\w+)"\] = \(?args\?\.\w+/g)].map((match) => match[1]);
    expect([...awsSdkInputs(type).keys].sort()).toEqual([...new Set(keys)].sort());
    const defaults = Object.fromEntries(
      [...source.matchAll(/resourceInputs\["(\w+)"\] = \(args\?\.\w+\) \?\? "([^"]*)"/g)].map((match) => [match[1], match[2]]),
    );
    expect(awsSdkInputs(type).defaults).toEqual(defaults);
  });

  it('refuses a type without a declaration, naming where to add it', () => {
    expect(() => awsSdkInputs('aws:sns/topic:Topic')).toThrow('no AWS SDK input declaration for aws:sns/topic:Topic: add it to aws-sdk-inputs.ts');
  });
});

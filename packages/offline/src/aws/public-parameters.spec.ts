import { answerInvoke } from './invokes';
import { publicParameterValue } from './public-parameters';

const context = { account: '210987654321', region: 'eu-west-1', ssmParameters: {} };

/** The value `aws.ssm.getParameter({ name })` gets offline. */
const parameter = (name: string) => answerInvoke('aws:ssm/getParameter:getParameter', { name }, context)['value'];

describe('public SSM parameters', () => {
  it('answers an image parameter with a placeholder AMI id, stable per region and name', () => {
    const name = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
    expect(parameter(name)).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(parameter(name)).toBe(publicParameterValue(name, 'eu-west-1'));
    expect(publicParameterValue(name, 'us-east-1')).not.toBe(parameter(name));
  });

  it.each([
    '/aws/service/ecs/optimized-ami/amazon-linux/recommended',
    '/aws/service/ecs/optimized-ami/amazon-linux-2/recommended',
    '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended',
    '/aws/service/ecs/optimized-ami/amazon-linux-2/kernel-5.10/amzn2-ami-ecs-kernel-5.10-hvm-2.0.20240109-x86_64-ebs',
    '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized',
  ])('answers the ECS-optimized image document %s as JSON, its image_id the same as the sub-parameter', (name) => {
    const document = JSON.parse(String(parameter(name))) as Record<string, unknown>;
    expect(Object.keys(document).sort()).toEqual(['ecs_agent_version', 'ecs_runtime_version', 'image_id', 'image_name', 'os', 'schema_version', 'source_image_name']);
    expect(document['image_id']).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(document['image_name']).toBe(`bulwark-offline-placeholder-${String(document['image_id'])}`);
    expect(parameter(`${name}/image_id`)).toBe(document['image_id']);
    expect(parameter(`${name}/image_name`)).toBe(document['image_name']);
    expect(parameter(`${name}/schema_version`)).toBe('1');
  });

  it('answers the EKS-optimized image document with its own fields', () => {
    const name = '/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended';
    const document = JSON.parse(String(parameter(name))) as Record<string, unknown>;
    expect(Object.keys(document).sort()).toEqual(['image_id', 'image_name', 'release_version', 'schema_version']);
    expect(parameter(`${name}/image_id`)).toBe(document['image_id']);
    expect(parameter(`${name}/release_version`)).toBe('bulwark-offline-placeholder');
  });

  it('answers a sub-parameter that is not a document field as an image id, and leaves private parameters unanswered', () => {
    expect(parameter('/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id')).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(publicParameterValue('/aws/service/global-infrastructure/regions', 'eu-west-1')).toBeUndefined();
    expect(() => parameter('/team/database-url')).toThrow('SSM parameter "/team/database-url" holds a value only the account knows');
  });
});

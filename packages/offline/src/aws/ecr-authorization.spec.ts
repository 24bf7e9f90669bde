import { answerInvoke } from './invokes';

const context = { account: '210987654321', region: 'eu-west-1', ssmParameters: {} };

describe('aws.ecr.getAuthorizationToken offline', () => {
  it("answers the account's registry by default, as ECR shapes it, with a labelled placeholder password", () => {
    const answer = answerInvoke('aws:ecr/getAuthorizationToken:getAuthorizationToken', {}, context);
    expect(answer).toMatchObject({ userName: 'AWS', proxyEndpoint: 'https://210987654321.dkr.ecr.eu-west-1.amazonaws.com', region: 'eu-west-1' });
    expect(answer['password']).toMatch(/^bulwark-offline-placeholder-[0-9a-f]{16}$/);
    expect(Buffer.from(String(answer['authorizationToken']), 'base64').toString()).toBe(`AWS:${String(answer['password'])}`);
    expect(answer['registryId']).toBeUndefined();
  });

  it('answers another registry, in its partition, the same way on every run', () => {
    const args = { registryId: '123456789012', region: 'cn-north-1' };
    const answer = answerInvoke('aws:ecr/getAuthorizationToken:getAuthorizationToken', args, context);
    expect(answer).toMatchObject({ registryId: '123456789012', proxyEndpoint: 'https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn' });
    expect(answerInvoke('aws:ecr/getAuthorizationToken:getAuthorizationToken', args, context)).toEqual(answer);
  });
});

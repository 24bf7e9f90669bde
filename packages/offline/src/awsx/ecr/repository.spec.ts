import * as awsx from '@pulumi/awsx';
import { UNKNOWN } from '../../types';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

describe('awsx:ecr:Repository', () => {
  it('builds a lower-case repository and a lifecycle policy expiring untagged images, and outputs its URL', async () => {
    const { preview, update } = await runBothModes(() => ({ url: new awsx.ecr.Repository('Api', { forceDelete: true, imageTagMutability: 'IMMUTABLE' }).url }));
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, 'awsx:ecr:Repository', 'Api'))).toEqual([
        ['aws:ecr/repository:Repository', 'api'],
        ['aws:ecr/lifecyclePolicy:LifecyclePolicy', 'api'],
      ]);
      const repository = recordOf(result, 'aws:ecr/repository:Repository', 'api');
      expect(repository.inputs).toMatchObject({ forceDelete: true, imageTagMutability: 'IMMUTABLE', name: expect.stringMatching(/^api-[0-9a-f]{7}$/) });
      const policy = recordOf(result, 'aws:ecr/lifecyclePolicy:LifecyclePolicy', 'api');
      expect(policy.inputs).toEqual({
        policy: { rules: [{ action: { type: 'expire' }, description: 'remove untagged images', rulePriority: 1, selection: { countNumber: 1, countType: 'imageCountMoreThan', tagStatus: 'untagged' } }] },
        repository: repository.inputs['name'],
      });
      expect(policy.propertyDependencies['repository']).toEqual([repository.urn]);
    }
    expect(preview.outputs['url']).toBe(UNKNOWN);
    expect(update.outputs['url']).toBe(`${String(update.placeholderAccount)}.dkr.ecr.us-east-1.amazonaws.com/${String(recordOf(update, 'aws:ecr/repository:Repository', 'api').inputs['name'])}`);
  });

  it('orders the rules with the `any` rule last, and skips the policy when asked', async () => {
    const { update } = await runBothModes(() => {
      new awsx.ecr.Repository('rules', {
        lifecyclePolicy: {
          rules: [
            { tagStatus: 'any', maximumNumberOfImages: 50 },
            { tagStatus: 'tagged', tagPrefixList: ['v'], maximumAgeLimit: 90, description: 'old releases' },
          ],
        },
      });
      new awsx.ecr.Repository('bare', { lifecyclePolicy: { skip: true } });
    });
    expect(recordOf(update, 'aws:ecr/lifecyclePolicy:LifecyclePolicy', 'rules').inputs['policy']).toEqual({
      rules: [
        { action: { type: 'expire' }, description: 'old releases', rulePriority: 1, selection: { countNumber: 90, countType: 'sinceImagePushed', countUnit: 'days', tagPrefixList: ['v'], tagStatus: 'tagged' } },
        { action: { type: 'expire' }, rulePriority: 2, selection: { countNumber: 50, countType: 'imageCountMoreThan', tagStatus: 'any' } },
      ],
    });
    expect(typesAndNames(childrenOf(update, 'awsx:ecr:Repository', 'bare'))).toEqual([['aws:ecr/repository:Repository', 'bare']]);
  });
});

// Fan-out of order events, modelled on the SNS/SQS messaging examples: one topic, two subscriber queues (billing and
// shipping) each with a dead-letter queue, all encrypted with a customer managed key whose policy lets SNS use it
// for this topic only; each queue admits messages from the topic only (aws:SourceArn). Two slips: the archive key
// added later has rotation off, and its policy lets any principal of any account decrypt with it.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;
const root = pulumi.interpolate`arn:${partition}:iam::${account}:root`;

const messagesKey = new aws.kms.Key('order-events', { description: 'Encrypts order events at rest', enableKeyRotation: true });
const topic = new aws.sns.Topic('order-events', { kmsMasterKeyId: messagesKey.id });

new aws.kms.KeyPolicy('order-events', {
  keyId: messagesKey.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'SnsEncryptsForTheTopic',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        Resource: '*',
        Condition: { ArnEquals: { 'aws:SourceArn': topic.arn } },
      },
    ],
  }),
});

for (const consumer of ['billing', 'shipping']) {
  const deadLetters = new aws.sqs.Queue(`${consumer}-dead-letters`, { kmsMasterKeyId: messagesKey.id, messageRetentionSeconds: 1209600 });
  const queue = new aws.sqs.Queue(consumer, {
    kmsMasterKeyId: messagesKey.id,
    visibilityTimeoutSeconds: 60,
    redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 5 }),
  });
  new aws.sqs.QueuePolicy(consumer, {
    queueUrl: queue.url,
    policy: pulumi.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TopicDelivers',
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: queue.arn,
          Condition: { ArnEquals: { 'aws:SourceArn': topic.arn } },
        },
      ],
    }),
  });
  new aws.sns.TopicSubscription(consumer, { topic: topic.arn, protocol: 'sqs', endpoint: queue.arn, rawMessageDelivery: true });
}

// Added later for the data lake's exports, without the same care.
new aws.kms.Key('order-archive', {
  description: 'Encrypts archived order events',
  enableKeyRotation: false,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' },
      { Sid: 'AnyoneDecrypts', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
    ],
  }),
});

export const topicArn = topic.arn;

import * as aws from '@pulumi/aws';
import { prefixed } from '@naming/prefix';
import { prefixed as sameThroughBaseUrl } from 'naming/prefix';

export const topicName = new aws.sns.Topic(prefixed('alerts'), { displayName: sameThroughBaseUrl('alerts') }).name;

// A Pulumi program directory in its plainest form: top-level code exporting the stack outputs.
const aws = require('@pulumi/aws');
const pulumi = require('@pulumi/pulumi');

const config = new pulumi.Config();
const topic = new aws.sns.Topic('alerts', { tags: { Team: config.require('team') } });
exports.topicName = topic.name;

// As @pulumi/awsguard does: advisory policies, and an initial config (the PolicyPack's third argument) that makes
// every one mandatory. `bulwark rules` must list the levels `bulwark check` enforces.
'use strict';
const { PolicyPack } = require('@pulumi/policy');

const policy = (name, type) => ({
  name,
  description: `Flags every ${type}.`,
  enforcementLevel: 'advisory',
  validateResource: (args, reportViolation) => {
    if (args.type === type) reportViolation(`${args.name} is a ${type}`);
  },
});

new PolicyPack(
  'strict-pack',
  { policies: [policy('no-topics', 'aws:sns/topic:Topic'), policy('no-queues', 'aws:sqs/queue:Queue')] },
  { all: 'mandatory' },
);

// A pack stuck in a policy: it loops forever on the first SNS topic it is asked about, so it answers nothing
// more (a pack runs its policies on one thread), not even the calls that came before it.
'use strict';
const { PolicyPack } = require('@pulumi/policy');

new PolicyPack('hang-pack', {
  policies: [
    {
      name: 'topic-loops-forever',
      description: 'Never returns on an SNS topic.',
      enforcementLevel: 'mandatory',
      validateResource: (args) => {
        if (args.type !== 'aws:sns/topic:Topic') return;
        for (;;) {
          // Stuck, as a policy with a bug would be.
        }
      },
    },
  ],
});

// One policy that never finds anything: enough for a pack to start, serve and describe itself.
'use strict';
const { PolicyPack } = require('@pulumi/policy');

new PolicyPack('minimal-pack', {
  policies: [{ name: 'nothing', description: 'Finds nothing.', enforcementLevel: 'advisory', validateResource: () => undefined }],
});

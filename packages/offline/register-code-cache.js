// Installs the V8 code cache (code-cache.js) in this process: `node --require @bulwark/offline/register-code-cache`.
// The bulwark command preloads it so in the policy pack processes it starts, which otherwise run as the Pulumi CLI
// runs them.
'use strict';
require('./code-cache').installCodeCache();

// Registers the swc TypeScript compiler for this process: `node -r @bulwark/offline/register program.ts`.
'use strict';
require('./typescript-hook').registerTypeScript();

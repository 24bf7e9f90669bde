// A pack that fails while loading, as a pack with a broken waiver file would: bulwark must fail closed.
'use strict';
throw new Error('crash-pack: cannot read waivers.yaml');

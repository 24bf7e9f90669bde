// The command-line options of the benchmark scripts: `--name value` pairs and flags.
'use strict';

/** The value after `--name` on the command line, or `fallback` when it is not given. */
function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

module.exports = { option };

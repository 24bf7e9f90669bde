/** The version of the bulwark command, from its package.json. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;

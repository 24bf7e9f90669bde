/**
 * What to do about a program error whose own advice assumes the Pulumi CLI (`pulumi config set ...`): the same
 * fix as the offline engine takes it. The SDK's message stays first; this adds the line a user of the offline
 * engine can act on.
 */

const ADVICE: readonly { readonly pattern: RegExp; readonly advice: (match: RegExpMatchArray) => string }[] = [
  {
    // @pulumi/pulumi's Config.require* on a key with no value.
    pattern: /Missing required configuration variable '([^']+)'/,
    advice: (match) => `offline, give it with --config ${match[1]}=VALUE (or set it in the stack's Pulumi.<stack>.yaml)`,
  },
  {
    // @pulumi/aws when neither aws:region nor the environment names a region.
    pattern: /No AWS region has been configured/,
    advice: () => 'offline, give it with --config aws:region=REGION (e.g. us-east-1), or set aws:region in the stack\'s Pulumi.<stack>.yaml',
  },
];

/** The offline advice for a program error, if it is one whose own advice needs the Pulumi CLI. */
export function programErrorAdvice(message: string): string | undefined {
  for (const { pattern, advice } of ADVICE) {
    const match = message.match(pattern);
    if (match) return advice(match);
  }
  return undefined;
}

/**
 * The stack tags the offline engine adds for policy packs (over `ConfigureStack`, as stack tags reach a pack's
 * `args.stackTags`): what the engine made up for a run, so that no rule takes it for the program's own. The engine
 * writes them and rules read them, so both take the names from here.
 */

/**
 * Names the account id the offline engine made up for a run that named none (no `aws:allowedAccountIds`); absent
 * when the account is the configured one. Every ARN the engine built carries that id, the program never wrote it.
 */
export const PLACEHOLDER_ACCOUNT_TAG = 'bulwark:placeholderAccountId';

/**
 * @bulwark/workspace: the one reader of workspace facts. Pulumi project files and stack config files, the config a
 * program runs with, the policy pack config of a stack per environment, the stacks a stack consumes, the accounts
 * a stack may deploy into and the workspace root. The CLI, the nx plugin, the offline engine's project loader and
 * the stacks' tests all read them here, so they cannot disagree. Errors name the file and the key.
 */
export { WorkspaceError } from './workspace-error';
export { readJsonFile, readYamlFile } from './workspace-files';
export { namespacedKey } from './config-key';
export { PROJECT_FILE_NAMES, type ProjectConfigDefault, type PulumiProject, isProjectName, projectFileIn, readPulumiProject } from './pulumi-project';
export { type StackConfigFile, isStackName, readStackConfig, stackConfigFile, stackNamesOf } from './stack-config';
export { withConfigOverrides } from './program-config';
export { ALLOWED_ACCOUNT_IDS_KEY, allowedAccountIds, deploymentAccount } from './allowed-accounts';
export { packConfigCandidates, readPackConfig, readStackPackConfig, stackPackConfigFile } from './pack-config';
export { packConfigSections } from './pack-config-sections';
export { CONSUMES_KEY, type ConsumesDeclaration, checkConsumes, readConsumes } from './consumes';
export { findWorkspaceRoot, workspaceRootOf } from './workspace-root';
export { TEST_CODE_GLOBS, isTestCode } from './test-code';
export {
  STACKS_DIRECTORY,
  type WorkspaceStack,
  discoverStacks,
  isStackDirectory,
  nxProjectName,
  orderByConsumes,
  readWorkspaceStack,
} from './workspace-stacks';

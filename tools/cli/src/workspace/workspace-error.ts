/** The workspace cannot be used as it is (unbuilt pack, bad pack config file, unknown stack): the workspace's own error. */
export { WorkspaceError } from '@bulwark/workspace';

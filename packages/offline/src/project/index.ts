/** Pulumi program directories: project file, stack config, TypeScript loading. */
export * from './pulumi-project';
export * from './stack-config';
export * from './program-directory';
export { registerTypeScript } from './typescript-loader';

/** `npm run docs`: rewrites the project diagram of docs/architecture.md from the nx project graph. */
import { writeArchitectureDiagram } from '../src/write-architecture-diagram';

writeArchitectureDiagram().then(
  (changed) => console.log(`docs/architecture.md: project diagram ${changed ? 'updated' : 'already up to date'}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

// Type-checks each runtime layer with its own libraries: shared code sees neither the DOM nor Node,
// the renderer sees no Node, so a wrong import or global fails here as well as in lint.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const layers = ['common', 'renderer', 'node', 'electron', 'test'];
let failed = false;
for (const layer of layers) {
  try {
    execFileSync(process.execPath, [tsc, '-p', `tsconfig.${layer}.json`], { stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`type-check failed: ${layer}`);
  }
}
process.exit(failed ? 1 : 0);

import { execFileSync } from 'node:child_process';

/**
 * Vitest's global setup: the tests start bin/targum and the web host's services thread, which run the
 * JavaScript build of the sources under test.
 */
export default function buildNode(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}

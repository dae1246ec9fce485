// Builds the command line (out/cli) and the web host (out/server) to JavaScript, so that neither compiles
// TypeScript when it starts. Packages stay external (node_modules is there at run time, and the native ones
// must be). Each output folder gets build.json: the sources it was built from and when, which bin/targum
// reads to refuse a build older than its sources.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const targets = [
  { outDir: 'out/cli', entryPoints: { main: 'src/cli/main.ts' } },
  { outDir: 'out/server', entryPoints: { main: 'src/server/main.ts', 'services-worker': 'src/server/services-worker.ts' } },
];

for (const target of targets) {
  const startedAt = Date.now();
  const outDir = path.join(rootDir, target.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: rootDir,
    entryPoints: target.entryPoints,
    outdir: outDir,
    bundle: true,
    // Commands load their modules when they run (src/cli/run.ts): each becomes a chunk of its own.
    splitting: true,
    // Chunks sit beside the entries, two levels below the root, where src/node/app-metadata.ts expects
    // its own module to be.
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs).sort();
  writeFileSync(path.join(outDir, 'build.json'), `${JSON.stringify({ builtAt: startedAt, sources }, null, 1)}\n`);
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { fuses, onnxruntimeBinaries, otherPlatformsBinaries, targets } from '../../electron-builder.config';
import { findElectronBinary } from '../../scripts/electron-runtime.mjs';

/** The packaging configuration, checked without Electron: what ships, where, unpacked or not, and the fuses. */

const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The files a pattern list keeps, read as electron-builder reads it: nothing at first, then each pattern in order. */
function kept(files: string[], patterns: string[]): string[] {
  return files.filter((file) =>
    patterns.reduce((keep, pattern) => (pattern.startsWith('!') ? keep && !path.matchesGlob(file, pattern.slice(1)) : keep || path.matchesGlob(file, pattern)), false),
  );
}

/** What electron-builder copies of node_modules: everything but what the `files` exclusions leave out. */
const nodeModulesKept = (files: string[], patterns: string[]) => kept(files, ['**', ...patterns.filter((pattern) => pattern.startsWith('!'))]);

const platformFiles = { linux: config.linux?.files, win: config.win?.files, mac: config.mac?.files } as const;

describe('packaging configuration', () => {
  const onnxruntimeFiles = filesUnder(onnxruntimeBinaries);

  it.each(Object.entries(targets))('ships only the %s target’s onnxruntime-node binaries', (name, target) => {
    const patterns = platformFiles[name as keyof typeof platformFiles];
    expect(patterns).toEqual(otherPlatformsBinaries(target));
    const shipped = nodeModulesKept(onnxruntimeFiles, [...(config.files as string[]), ...(patterns as string[])]);
    const ownFolder = new RegExp(`/napi-v\\d+/${target.platform}/${target.arch}/`);
    expect(shipped.filter((file) => !ownFolder.test(file))).toEqual([]);
    // The target's own binding is present in the installed package and stays.
    if (onnxruntimeFiles.some((file) => ownFolder.test(file))) expect(shipped.some((file) => file.endsWith('/onnxruntime_binding.node'))).toBe(true);
    // Every other platform's binaries, installed here, are left out: none of them is a platform the patterns miss.
    expect(onnxruntimeFiles.length - shipped.length).toBe(onnxruntimeFiles.filter((file) => !ownFolder.test(file)).length);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg', () => {
    const targetNames = (platform: { target?: unknown } | null | undefined) => (platform?.target as { target: string }[]).map((entry) => entry.target);
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
  });

  it('puts the app from out/ in the asar, and no sources, tests or scripts', () => {
    const files = config.files as string[];
    const candidates = ['out/main/index.js', 'out/main/utility-process.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json', 'src/main/index.ts', 'test/unit/packaging.test.ts', 'scripts/start.mjs', 'out/server/main.js', 'out/cli/main.js', 'out/main/index.js.map'];
    expect(kept(candidates, files)).toEqual(['out/main/index.js', 'out/main/utility-process.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']);
    // Packages the renderer bundle already holds are left out of node_modules; the services' packages stay.
    // So is onnxruntime-web, which transformers.js's Node build does not load.
    // parse5 is bundled into the interface's worker, and jsdom's parser in the services: it stays.
    expect(nodeModulesKept(['node_modules/react/index.js', 'node_modules/dexie/package.json', 'node_modules/linkedom/worker.js', 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.jsep.wasm', 'node_modules/zod/index.js', 'node_modules/jsdom/lib/api.js', 'node_modules/parse5/dist/index.js', 'node_modules/@huggingface/transformers/dist/transformers.node.mjs'], files)).toEqual([
      'node_modules/zod/index.js',
      'node_modules/jsdom/lib/api.js',
      'node_modules/parse5/dist/index.js',
      'node_modules/@huggingface/transformers/dist/transformers.node.mjs',
    ]);
    const transformersNodeBuild = readFileSync(path.join(root, 'node_modules/@huggingface/transformers/dist/transformers.node.mjs'), 'utf8');
    expect(transformersNodeBuild).not.toMatch(/(?:from|import\(|require\w*\()\s*["']onnxruntime-web/);
  });

  it('unpacks native code from the asar: onnxruntime-node and sharp with its binaries', () => {
    expect(config.asar).toBe(true);
    const unpacked = kept(['node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node', 'node_modules/sharp/lib/index.js', 'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node', 'node_modules/zod/index.js', 'out/main/index.js'], config.asarUnpack as string[]);
    expect(unpacked).toEqual(['node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node', 'node_modules/sharp/lib/index.js', 'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node']);
  });

  it('ships the sample library, the demo model and the catalog where the services read them (resourcesPath/samples, /models)', () => {
    const resources = config.extraResources as { from: string; to: string; filter: string[] }[];
    const shipped = resources.flatMap(({ from, to, filter }) =>
      kept(filesUnder(from).map((file) => path.posix.relative(from, file)), filter).map((file) => `${to}/${file}`),
    );
    const samples = readdirSync(path.join(root, 'resources/samples')).filter((name) => name.endsWith('.txt'));
    expect(samples.length).toBeGreaterThan(0);
    expect(shipped).toEqual(expect.arrayContaining([...samples.map((name) => `samples/${name}`), 'models/catalog.json', 'models/targum-demo/targum-model.json', 'models/targum-demo/tokenizer.json', 'models/targum-demo/config.json']));
    expect(shipped.filter((file) => file.startsWith('models/targum-demo/onnx/')).length).toBeGreaterThan(0);
  });

  it('has a 512×512 icon', () => {
    const png = readFileSync(path.join(root, config.icon as string));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('sets the fuses: no Node mode, no NODE_OPTIONS, no inspector, the app only from a validated asar, no file:// privileges', () => {
    expect(config.electronFuses).toBe(fuses);
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });
});

const electron = findElectronBinary();
if (!electron.ok) console.info(`packaging.test: the packaged Linux app is not built and started here, because ${electron.reason}.`);

describe.skipIf(!electron.ok || process.platform !== 'linux')('the packaged Linux app (needs the Electron runtime)', () => {
  it('builds with the fuses flipped, and starts', { timeout: 600_000 }, async () => {
    const binary = electron.ok ? electron.binary : '';
    if (!existsSync(path.join(root, 'out/main/index.js'))) expect(spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
    const { build, Platform, Arch } = await import('electron-builder');
    const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // The local Electron runtime: nothing is downloaded.
      config: { ...config, electronDist: path.dirname(binary), electronVersion, directories: { output: 'dist/packaging-test', buildResources: 'build' } },
    });
    const appDir = path.join(root, 'dist/packaging-test/linux-unpacked');
    const executable = path.join(appDir, 'targum');
    expect(existsSync(path.join(appDir, 'resources/app.asar'))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources/samples'))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources/models/targum-demo/targum-model.json'))).toBe(true);
    expect(readdirSync(path.join(appDir, 'resources/app.asar.unpacked/node_modules/onnxruntime-node/bin/napi-v6'))).toEqual(['linux']);

    // RunAsNode is off: ELECTRON_RUN_AS_NODE does not turn the app into a Node interpreter.
    const asNode = spawnSync(executable, ['-e', 'console.log("node-mode")'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8', timeout: 15_000 });
    expect(asNode.stdout).not.toContain('node-mode');

    // The app starts and stays up (the window needs a display: xvfb-run where there is none).
    const app = spawn(executable, ['--no-sandbox'], { env: { ...process.env, TARGUM_DATA_DIR: path.join(root, 'dist/packaging-test/data') }, stdio: 'ignore' });
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 8_000);
      app.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
    app.kill();
    expect(exited, 'the packaged app exited within 8 s of starting').toBeNull();
  });
});

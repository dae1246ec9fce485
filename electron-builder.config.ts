/**
 * How the desktop app is packaged (electron-builder; `npm run package`): the app from electron-vite's build in out/,
 * in an asar whose native code (onnxruntime-node, sharp) is unpacked beside it, with only the target's binaries;
 * the sample library and the demo model as resources, where the services look for them (process.resourcesPath);
 * Electron's fuses set so the packaged binary cannot be turned into a Node interpreter or a debugger target.
 */
import type { Configuration } from 'electron-builder';
import { packageLayers } from './eslint/layers.js';

/** Each target platform with the one architecture it is built for, as Node and onnxruntime-node name them. */
export const targets = {
  linux: { platform: 'linux', arch: 'x64' },
  win: { platform: 'win32', arch: 'x64' },
  // onnxruntime-node ships macOS binaries for Apple silicon only.
  mac: { platform: 'darwin', arch: 'arm64' },
} as const;

/** Where onnxruntime-node keeps its binaries: bin/napi-v<N>/<platform>/<arch>. */
export const onnxruntimeBinaries = 'node_modules/onnxruntime-node/bin';
const onnxruntimePlatforms = { linux: ['x64', 'arm64'], win32: ['x64', 'arm64'], darwin: ['arm64'] } as const;

/** Patterns leaving out every onnxruntime-node binary but the target's (about 210 MB of other platforms'). */
export function otherPlatformsBinaries(target: { platform: string; arch: string }): string[] {
  return Object.entries(onnxruntimePlatforms).flatMap(([platform, arches]) =>
    arches.filter((arch) => platform !== target.platform || arch !== target.arch).map((arch) => `!${onnxruntimeBinaries}/napi-v*/${platform}/${arch}/**`),
  );
}

/** Packages only the interface uses: electron-vite bundles them into out/renderer, so node_modules need not ship them. */
const rendererOnlyPackages = Object.entries(packageLayers)
  .filter(([name, layers]) => layers.length === 1 && layers[0] === 'src/renderer' && !name.startsWith('@types/'))
  .map(([name]) => name);

/** The fuses flipped in the packaged Electron binary (https://www.electronjs.org/docs/latest/tutorial/fuses). */
export const fuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
} satisfies NonNullable<Configuration['electronFuses']>;

const config: Configuration = {
  appId: 'app.targum.desktop',
  productName: 'Targum',
  copyright: 'Targum contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // onnxruntime-node and sharp ship prebuilt N-API binaries: nothing to compile against Electron.
  npmRebuild: false,
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    ...rendererOnlyPackages.map((name) => `!node_modules/${name}/**`),
    // transformers.js's Node build carries the onnxruntime-web code it needs and runs models on onnxruntime-node
    // (device 'cpu'): the onnxruntime-web package, 141 MB of WebAssembly, is never loaded.
    '!node_modules/onnxruntime-web/**',
  ],
  // Native code cannot be loaded from inside an asar.
  asar: true,
  asarUnpack: ['node_modules/onnxruntime-node/**', 'node_modules/sharp/**', 'node_modules/@img/**'],
  // The services read resourcesDir/samples and resourcesDir/models (src/node/services), resourcesDir being
  // process.resourcesPath in the packaged app (src/main/index.ts).
  extraResources: [
    { from: 'resources/samples', to: 'samples', filter: ['*.txt'] },
    { from: 'resources/models', to: 'models', filter: ['catalog.json', 'targum-demo/**'] },
  ],
  icon: 'build/icon.png',
  electronFuses: fuses,
  linux: {
    target: [
      { target: 'AppImage', arch: targets.linux.arch },
      { target: 'deb', arch: targets.linux.arch },
    ],
    category: 'Office',
    maintainer: 'Targum contributors <targum@users.noreply.github.com>',
    files: otherPlatformsBinaries(targets.linux),
  },
  win: {
    target: [{ target: 'nsis', arch: targets.win.arch }],
    files: otherPlatformsBinaries(targets.win),
  },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: [{ target: 'dmg', arch: targets.mac.arch }],
    category: 'public.app-category.productivity',
    files: otherPlatformsBinaries(targets.mac),
  },
};

export default config;

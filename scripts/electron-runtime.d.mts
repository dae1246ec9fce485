export function findElectronBinary(): { ok: true; binary: string } | { ok: false; reason: string };

import { readFile, stat } from 'node:fs/promises';
import { CliError, type CliIo } from './cli-io';

/** Reads FILE (or standard input for `-`) as UTF-8 text; binary or undecodable input is refused by name. */
export async function readTextInput(file: string, io: CliIo): Promise<string> {
  let bytes: Uint8Array;
  if (file === '-') {
    bytes = await io.stdin();
  } else {
    const info = await stat(file).catch(() => undefined);
    if (!info) throw new CliError(`${file}: no such file`);
    if (!info.isFile()) throw new CliError(`${file}: not a file`);
    bytes = await readFile(file);
  }
  const name = file === '-' ? 'standard input' : file;
  if (bytes.includes(0)) throw new CliError(`${name} is not text (it holds binary data)`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${name} is not UTF-8 text; convert it first, or bring it into the app, which detects legacy encodings`);
  }
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const formats = path.resolve('../shared/formats');
export const tmxDtd = path.join(formats, 'tmx14.dtd');
export const xliffSchema = path.join(formats, 'xliff-core-1.2-strict.xsd');

/** Runs `xmllint --noout --nonet` with a DTD or a schema on `xml`; returns what it printed when it refused, else ''. */
export function xmllint(xml: string, against: { dtd: string } | { schema: string }): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-xmllint-'));
  const file = path.join(folder, 'document.xml');
  writeFileSync(file, xml);
  const check = 'dtd' in against ? ['--dtdvalid', against.dtd] : ['--schema', against.schema];
  try {
    execFileSync('xmllint', ['--noout', '--nonet', ...check, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (error) {
    const { stderr, message } = error as { stderr?: Buffer; message: string };
    return stderr?.toString() || message;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

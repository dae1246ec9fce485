import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export { tmxDtd, xliffSchema } from '../../support/reference-texts';

/** Runs `xmllint --noout --nonet` with a DTD or a schema on `xml`; returns every error or warning it printed ('' when none). */
export function xmllint(xml: string, against: { dtd: string } | { schema: string }): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-xmllint-'));
  const file = path.join(folder, 'document.xml');
  writeFileSync(file, xml);
  const check = 'dtd' in against ? ['--dtdvalid', against.dtd] : ['--schema', against.schema];
  try {
    const result = spawnSync('xmllint', ['--noout', '--nonet', ...check, file], { encoding: 'utf8' });
    if (result.error) return `xmllint could not run (${result.error.message}); install libxml2-utils`;
    // With --schema, xmllint reports success on stderr.
    const printed = result.stderr.replace(`${file} validates\n`, '');
    return result.status === 0 && printed === '' ? '' : printed || `xmllint exited with ${result.status}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

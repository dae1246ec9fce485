import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildArticle } from '../../common/import/article-import';
import { decodeText } from '../../common/import/encoding';
import { translationLanguages } from '../../common/models/model-info';
import { oneOf, parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';

/** File types this version imports; HTML and DOCX come with their own readers. */
const textTypes = new Set(['.txt', '.md', '.text', '']);

/** `targum import FILE [--encoding NAME] [--from LANG] [--json]`: what importing FILE produces. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    encoding: { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('import: give one file');
  const file = positionals[0]!;
  const from = oneOf('import', 'from', values.from, translationLanguages);
  const extension = path.extname(file).toLowerCase();
  if (!textTypes.has(extension)) throw new CliError(`import: ${file}: ${extension} files cannot be imported yet; use .txt or .md`);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new CliError(`import: ${file}: no such file`);
  const services = cliServices(io);
  const { importSizeLimitMb } = await services.getSettings({});
  await services.dispose();
  if (info.size > importSizeLimitMb * 1024 * 1024) {
    throw new CliError(`import: ${file} is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${importSizeLimitMb} MB limit (Settings → Largest file to import)`);
  }
  const decoded = decodeText(new Uint8Array(await readFile(file)), { encoding: values.encoding });
  const article = buildArticle(decoded.text, from);
  if (values.json) {
    const json = {
      version: 1,
      title: article.title,
      language: article.language,
      encoding: decoded.encoding,
      outlet: null,
      date: article.date ?? null,
      paragraphs: article.paragraphs,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const hidden = article.paragraphs.filter((paragraph) => paragraph.boilerplate).length;
    io.stdout(`${article.title}\n`);
    io.stdout(`language: ${article.language}  encoding: ${decoded.encoding}${decoded.reversedVisualOrder ? ' (visual order reversed)' : ''}  date: ${article.date ?? '-'}\n`);
    io.stdout(`paragraphs: ${article.paragraphs.length} (${hidden} marked as boilerplate)  sentences: ${article.paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0)}\n`);
    for (const paragraph of article.paragraphs) {
      io.stdout(`\n${paragraph.boilerplate ? `[boilerplate: ${paragraph.kind ?? 'other'}] ` : ''}${paragraph.sentences.join('\n')}\n`);
    }
  }
  return 0;
}

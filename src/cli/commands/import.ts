import { localCall } from '../../common/api/call';
import { readFile, stat } from 'node:fs/promises';
import { ArticleImportError, buildArticle } from '../../common/import/article-import';
import { ImportTextError } from '../../common/import/encoding';
import { importKindOf, unsupportedTypeMessage } from '../../common/import/file-kinds';
import { checkImportSize, readImportSource } from '../../common/import/import-source';
import { nodeHtmlWindow } from '../../node/import/html-window';
import { oneOf, parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';
import { type TextLanguage, textLanguages } from '../../common/text/language';

/** `targum import FILE [--encoding NAME] [--from LANG] [--json]`: what importing FILE (.txt, .md, .html, .htm, .docx) produces. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    encoding: { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('import: give one file');
  const file = positionals[0]!;
  const from = oneOf('import', 'from', values.from, textLanguages);
  const refuse = (message: string): CliError => new CliError(`import: ${file}: ${message}`);
  const kind = importKindOf(file);
  if (kind === undefined) throw refuse(unsupportedTypeMessage(file));
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw refuse('no such file');
  const services = cliServices(io);
  const { importSizeLimitMb } = await services.settings.get({}, localCall());
  await services.dispose();

  const { source, article } = await readArticle(file, { encoding: values.encoding, from, sizeLimitMb: importSizeLimitMb, fileSize: info.size }).catch((error: unknown) => {
    throw error instanceof ImportTextError || error instanceof ArticleImportError ? refuse(error.message) : error;
  });
  if (values.json) {
    const json = {
      version: 1,
      title: article.title,
      language: article.language,
      encoding: source.encoding,
      outlet: article.outlet ?? null,
      date: article.date ?? null,
      paragraphs: article.paragraphs,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const hidden = article.paragraphs.filter((paragraph) => paragraph.boilerplate).length;
    io.stdout(`${article.title}\n`);
    io.stdout(
      `language: ${article.language}  encoding: ${source.encoding}${source.reversedVisualOrder ? ' (visual order reversed)' : ''}  outlet: ${article.outlet ?? '-'}  date: ${article.date ?? '-'}\n`,
    );
    io.stdout(`paragraphs: ${article.paragraphs.length} (${hidden} marked as boilerplate)  sentences: ${article.paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0)}\n`);
    for (const paragraph of article.paragraphs) {
      io.stdout(`\n${paragraph.boilerplate ? `[boilerplate: ${paragraph.kind ?? 'other'}] ` : ''}${paragraph.sentences.join('\n')}\n`);
    }
  }
  return 0;
}

async function readArticle(file: string, options: { encoding?: string; from?: TextLanguage; sizeLimitMb: number; fileSize: number }) {
  checkImportSize(options.fileSize, options.sizeLimitMb);
  const htmlWindow = importKindOf(file) === 'html' ? await nodeHtmlWindow() : undefined;
  const source = readImportSource(
    { name: file, bytes: new Uint8Array(await readFile(file)) },
    { encoding: options.encoding, sizeLimitMb: options.sizeLimitMb, ...(htmlWindow ? { htmlWindow: () => htmlWindow } : {}) },
  );
  return { source, article: buildArticle(source.text, options.from, source) };
}

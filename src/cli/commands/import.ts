import { localCall } from '../../common/api/call';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArticleImportError, buildArticle } from '../../common/import/article-import';
import { ImportTextError } from '../../common/import/encoding';
import { importKindOf, unsupportedTypeMessage } from '../../common/import/file-kinds';
import { checkImportSize, readImportSource } from '../../common/import/import-source';
import { nodeHtmlWindow } from '../../node/import/html-window';
import { oneOf, parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';
import { type TextLanguage, textLanguages } from '../../common/text/language';

/**
 * `targum import FILE|FOLDER [--encoding NAME] [--from LANG] [--json]`: what importing FILE (.txt, .md, .html,
 * .htm, .docx) produces; for a FOLDER, the result of each of its files (subfolders included), as the app's
 * folder import reads them, with files of other types listed as skipped.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', args, {
    encoding: { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('import: give one file or folder');
  const file = positionals[0]!;
  const from = oneOf('import', 'from', values.from, textLanguages);
  const refuse = (message: string): CliError => new CliError(`import: ${file}: ${message}`);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return importFolder(file, { encoding: values.encoding, from, json: values.json === true }, io);
  const kind = importKindOf(file);
  if (kind === undefined) throw refuse(unsupportedTypeMessage(file));
  if (!info?.isFile()) throw refuse('no such file');
  const importSizeLimitMb = await sizeLimit(io);

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

async function sizeLimit(io: CliIo): Promise<number> {
  const services = cliServices(io);
  const { importSizeLimitMb } = await services.settings.get({}, localCall());
  await services.dispose();
  return importSizeLimitMb;
}

type FolderOutcome =
  | { name: string; status: 'imported'; title: string; language: TextLanguage; paragraphs: number; sentences: number }
  | { name: string; status: 'failed' | 'skipped'; reason: string };

/** Every file under `folder`, by its path inside it, in name order. */
async function filesUnder(folder: string, inside = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, inside), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = inside === '' ? entry.name : `${inside}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await filesUnder(folder, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/** Each file of a folder imported on its own: a failure is that file's result and does not stop the others. */
async function importFolder(folder: string, options: { encoding?: string; from?: TextLanguage; json: boolean }, io: CliIo): Promise<number> {
  const sizeLimitMb = await sizeLimit(io);
  const outcomes: FolderOutcome[] = [];
  for (const name of await filesUnder(folder)) {
    const file = path.join(folder, name);
    if (importKindOf(file) === undefined) {
      outcomes.push({ name, status: 'skipped', reason: unsupportedTypeMessage(file) });
      continue;
    }
    try {
      const { article } = await readArticle(file, { ...options, sizeLimitMb, fileSize: (await stat(file)).size });
      const sentences = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.length, 0);
      outcomes.push({ name, status: 'imported', title: article.title, language: article.language, paragraphs: article.paragraphs.length, sentences });
    } catch (error) {
      if (!(error instanceof ImportTextError || error instanceof ArticleImportError)) throw error;
      outcomes.push({ name, status: 'failed', reason: error.message });
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ version: 1, folder, files: outcomes }, null, 2)}\n`);
  } else {
    if (outcomes.length === 0) io.stdout(`${folder}: no files\n`);
    for (const outcome of outcomes) {
      io.stdout(
        outcome.status === 'imported'
          ? `${outcome.name}: imported (${outcome.language}, ${outcome.paragraphs} paragraphs, ${outcome.sentences} sentences): ${outcome.title}\n`
          : `${outcome.name}: ${outcome.status}: ${outcome.reason}\n`,
      );
    }
  }
  return outcomes.some((outcome) => outcome.status === 'failed') ? 1 : 0;
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

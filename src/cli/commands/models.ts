import { ApiCallError } from '../../common/api/reply';
import { localCall } from '../../common/api/call';
import type { TransferProgress } from '../../common/api/contract';
import { formatBytes } from '../../common/format-bytes';
import { textLanguages } from '../../common/text/language';
import { oneOf, parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';

const usage = 'models: use "models list [--json]", "models install ID", "models import DIR [--id ID] [--from LANG --to LANG]" or "models remove ID"';

export async function modelsCommand(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const services = cliServices(io);
  try {
    switch (action) {
      case 'list': {
        const { values, positionals } = parseCommandArgs('models list', rest, { json: { type: 'boolean' } });
        if (positionals.length) throw new CliError(`models list: unexpected "${positionals[0]}"`);
        const models = await services.models.list({}, localCall());
        if (values.json) {
          const listed = models.map(({ id, path, from, to, family, dtypes, sizeBytes, source, demo, description, dtype, dtypeNote }) => ({
            id,
            path,
            from,
            to,
            family,
            dtypes,
            sizeBytes,
            source,
            ...(demo ? { demo, description } : {}),
            ...(dtype ? { dtype } : {}),
            ...(dtypeNote ? { dtypeNote } : {}),
          }));
          io.stdout(`${JSON.stringify({ version: 1, models: listed }, null, 2)}\n`);
        } else if (models.length === 0) {
          io.stderr('No models installed. "targum models install ID" downloads one from the catalog.\n');
        } else {
          for (const model of models) {
            const label = model.demo ? `\t${model.description ?? 'demo model'}` : '';
            io.stdout(`${model.id}\t${model.from.join(',')}→${model.to.join(',')}\t${model.family}\t${model.dtypes.join(',')}\t${formatBytes(model.sizeBytes)}\t${model.source}${label}\n`);
          }
        }
        return 0;
      }
      case 'install': {
        const { positionals } = parseCommandArgs('models install', rest, {});
        if (positionals.length !== 1) throw new CliError('models install: give one catalog id');
        const model = await services.models.install({ catalogId: positionals[0]! }, localCall({ onProgress: downloadReporter(`Downloading ${positionals[0]!}`, io) }));
        io.stderr(`Installed ${model.id} in ${model.path}\n`);
        return 0;
      }
      case 'import': {
        const { values, positionals } = parseCommandArgs('models import', rest, { id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
        if (positionals.length !== 1) throw new CliError('models import: give one model folder');
        const from = oneOf('models import', 'from', values.from, textLanguages);
        const to = oneOf('models import', 'to', values.to, textLanguages);
        if ((from === undefined) !== (to === undefined)) throw new CliError('models import: give both --from and --to, or neither');
        const direction = from && to ? { from: [from], to: [to] } : undefined;
        const model = await services.models.import({ path: positionals[0]!, id: values.id, direction }, localCall()).catch((error: unknown) => {
          throw error instanceof ApiCallError && error.code === 'exists' ? new CliError(`models import: ${error.message}; choose another id with --id`) : error;
        });
        io.stderr(`Imported ${model.id} (${model.from.join(',')}→${model.to.join(',')}, ${model.dtypes.join(', ')}) into ${model.path}\n`);
        if (model.dtypeNote) io.stderr(`targum: note: ${model.dtypeNote}\n`);
        return 0;
      }
      case 'remove': {
        const { positionals } = parseCommandArgs('models remove', rest, {});
        if (positionals.length !== 1) throw new CliError('models remove: give one model id');
        await services.models.remove({ id: positionals[0]! }, localCall());
        io.stderr(`Removed ${positionals[0]}\n`);
        return 0;
      }
      default:
        throw new CliError(usage);
    }
  } finally {
    await services.dispose();
  }
}

/** Download progress on stderr, about once a second. */
function downloadReporter(label: string, io: CliIo): (progress: TransferProgress) => void {
  let lastReport = 0;
  return (progress) => {
    if (Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
    io.stderr(`${label}: ${percent}% (${formatBytes(progress.done)} of ${formatBytes(progress.total)})${progress.file ? `, ${progress.file.name}` : ''}\n`);
  };
}

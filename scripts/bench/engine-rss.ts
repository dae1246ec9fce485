/**
 * A child process of bench:translate: what a services process holds with one model loaded. Loads the model
 * folder given (q8) with the thread count given, translates one batch, and prints its resident memory as
 * `{"rssMb": N}`.
 */
import { TranslationModel } from '../../src/node/translation/translation-model';
import { inspectModelFolder } from '../../src/node/translation/model-folder';

const [folder, threads, sentence] = process.argv.slice(2);
const model = await TranslationModel.load(await inspectModelFolder(folder!), { dtype: 'q8', threads: Number(threads) });
await model.translateBatch([sentence!], { from: 'ar', to: 'en', beams: 1 });
console.log(JSON.stringify({ rssMb: process.memoryUsage().rss / 1024 ** 2 }));
await model.dispose();

#!/usr/bin/env node
// Load a Marian model folder through @huggingface/transformers (as the app does)
// and check it.
//
//   node scripts/models/verify-model.mjs MODEL_DIR PHRASEBOOK_TSV [options]
//       Translate every phrasebook source one at a time (greedy) with each
//       dtype and print "exact N / total" per dtype; exit 1 on any mismatch.
//   node scripts/models/verify-model.mjs MODEL_DIR --smoke [PHRASEBOOK_TSV]
//       Only check that the model loads and generates (any output) with each
//       dtype; used for the random-weight benchmark model.
//
// Options:
//   --dtypes q8,fp32        dtypes to check (default: q8,fp32)
//   --max-new-tokens N      generation limit (default 256; 16 with --smoke)
//   --token-ids FILE        JSON [{text, ids}] to compare with the tokenizer
//   --batch-size N          translate N sentences per generate() call (default 1)
//   --limit N               only the first N phrasebook entries
//   --show N                print up to N mismatches per dtype (default 10)
//
// Run it from the repository root (or anywhere inside it) so that
// node_modules resolves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, AutoTokenizer, AutoModelForSeq2SeqLM } from '@huggingface/transformers';

function parseArgs(argv) {
  const opts = {
    dtypes: ['q8', 'fp32'], maxNewTokens: null, smoke: false, tokenIds: null, limit: Infinity, show: 10, batchSize: 1,
  };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') opts.smoke = true;
    else if (a === '--dtypes') opts.dtypes = argv[++i].split(',');
    else if (a === '--max-new-tokens') opts.maxNewTokens = Number(argv[++i]);
    else if (a === '--token-ids') opts.tokenIds = argv[++i];
    else if (a === '--limit') opts.limit = Number(argv[++i]);
    else if (a === '--batch-size') opts.batchSize = Number(argv[++i]);
    else if (a === '--show') opts.show = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length < 1 || (!opts.smoke && positional.length < 2)) {
    console.error('usage: verify-model.mjs MODEL_DIR PHRASEBOOK_TSV [--dtypes q8,fp32] [--token-ids FILE]\n' +
      '       verify-model.mjs MODEL_DIR --smoke [PHRASEBOOK_TSV]');
    process.exit(2);
  }
  opts.model = path.resolve(positional[0]);
  opts.phrasebook = positional[1] ? path.resolve(positional[1]) : null;
  opts.maxNewTokens ??= opts.smoke ? 16 : 256;
  return opts;
}

function readPhrasebook(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const parts = line.split('\t');
      if (parts.length !== 3) throw new Error(`${file}:${i + 1}: expected 3 fields`);
      return { lang: parts[0], source: parts[1].normalize('NFC'), english: parts[2].normalize('NFC') };
    });
}

const SMOKE_SENTENCES = [
  { lang: 'he', source: 'ראש הממשלה נפגש הבוקר עם נשיא ארה"ב בבית הלבן.', english: null },
  { lang: 'ar', source: 'ارتفعت أسعار النفط بنسبة 3% في تعاملات يوم الثلاثاء.', english: null },
];

async function translate(tokenizer, model, texts, maxNewTokens) {
  // Note: transformers.js keeps running finished sequences of a batch through the
  // decoder (no padding after </s>), so batched output is only clean if the model
  // keeps predicting </s> after </s>, as the tiny fixture was trained to.
  const inputs = tokenizer(texts, { padding: true });
  const output = await model.generate({ ...inputs, max_new_tokens: maxNewTokens, num_beams: 1, do_sample: false });
  return tokenizer.batch_decode(output, { skip_special_tokens: true });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  env.allowRemoteModels = false;
  env.allowLocalModels = true;

  const tokenizer = await AutoTokenizer.from_pretrained(opts.model);
  let failed = false;

  if (opts.tokenIds) {
    const cases = JSON.parse(readFileSync(opts.tokenIds, 'utf8'));
    let same = 0;
    for (const { text, ids } of cases) {
      const got = Array.from(tokenizer(text).input_ids.data, Number);
      if (got.length === ids.length && got.every((v, i) => v === ids[i])) same++;
      else if (cases.length - same <= opts.show) console.log(`token ids differ for: ${text}\n  python: ${ids}\n  js:     ${got}`);
    }
    console.log(`tokenizer: same ids ${same} / ${cases.length}`);
    if (same !== cases.length) failed = true;
  }

  let entries = opts.phrasebook ? readPhrasebook(opts.phrasebook) : SMOKE_SENTENCES;
  if (opts.smoke) {
    // one Hebrew and one Arabic sentence are enough to show that generation works
    entries = ['he', 'ar'].map((lang) => entries.find((e) => e.lang === lang)).filter(Boolean);
  }
  entries = entries.slice(0, opts.limit);

  for (const dtype of opts.dtypes) {
    const t0 = performance.now();
    const model = await AutoModelForSeq2SeqLM.from_pretrained(opts.model, {
      dtype,
      session_options: { intraOpNumThreads: 2 },
    });
    const loadMs = performance.now() - t0;
    let exact = 0;
    let shown = 0;
    const t1 = performance.now();
    const outputs = [];
    for (let i = 0; i < entries.length; i += opts.batchSize) {
      const batch = entries.slice(i, i + opts.batchSize).map((e) => e.source);
      outputs.push(...(await translate(tokenizer, model, batch, opts.maxNewTokens)));
    }
    for (const [i, entry] of entries.entries()) {
      const out = outputs[i];
      if (opts.smoke) {
        console.log(`[${dtype}] ${entry.lang}: ${JSON.stringify(out.slice(0, 120))}`);
        if (typeof out !== 'string') failed = true;
        continue;
      }
      if (out === entry.english) exact++;
      else if (shown++ < opts.show) {
        console.log(`[${dtype}] mismatch (${entry.lang}): ${entry.source}\n  want: ${entry.english}\n  got:  ${out}`);
      }
    }
    const genMs = performance.now() - t1;
    if (opts.smoke) {
      console.log(`${dtype}: loaded in ${loadMs.toFixed(0)} ms, generated ${entries.length} in ${genMs.toFixed(0)} ms`);
    } else {
      const how = opts.batchSize > 1 ? `, batches of ${opts.batchSize}` : '';
      console.log(`${dtype}: exact ${exact} / ${entries.length} (load ${loadMs.toFixed(0)} ms, translate ${genMs.toFixed(0)} ms${how})`);
      if (exact !== entries.length) failed = true;
    }
    await model.dispose();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

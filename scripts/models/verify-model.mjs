#!/usr/bin/env node
// Load a Marian or NLLB-200-layout (m2m_100) model folder through
// @huggingface/transformers (as the app does) and check it.
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
//   --damaged-q8            expect fp32 exact and q8 clearly worse: print the chrF of
//                           the q8 output against the fp32 output and fail unless
//                           it is under 50 (targum-tiny-damaged-q8)
//   --both-directions       also translate each English column back into the row's
//                           language (NLLB folders; targum-tiny-nllb is trained so)
//
// NLLB folders (config model_type m2m_100 with an NllbTokenizer) are run as the
// translation pipeline runs them: tokenizer._build_translation_inputs(texts,
// options, { src_lang, tgt_lang }) puts the source code (heb_Hebr, arb_Arab,
// eng_Latn) in front of the text and returns forced_bos_token_id = the target
// code, which generate() forces as the first token after </s>.
//
// Run it from the repository root (or anywhere inside it) so that
// node_modules resolves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env, AutoTokenizer, AutoModelForSeq2SeqLM } from '@huggingface/transformers';

function parseArgs(argv) {
  const opts = {
    dtypes: ['q8', 'fp32'], maxNewTokens: null, smoke: false, tokenIds: null, limit: Infinity, show: 10, batchSize: 1,
    bothDirections: false, damagedQ8: false,
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
    else if (a === '--both-directions') opts.bothDirections = true;
    else if (a === '--damaged-q8') opts.damagedQ8 = true;
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

/** Corpus chrF as sacrebleu computes it by default (character 1..6-grams without spaces, beta 2), 0-100. */
function chrF(hypotheses, references, order = 6, beta = 2) {
  const grams = (text, n) => {
    const counts = new Map();
    const chars = Array.from(text.replaceAll(' ', ''));
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    return counts;
  };
  const match = new Array(order).fill(0);
  const hypTotal = new Array(order).fill(0);
  const refTotal = new Array(order).fill(0);
  hypotheses.forEach((hyp, k) => {
    for (let n = 1; n <= order; n++) {
      const h = grams(hyp, n);
      const r = grams(references[k], n);
      for (const [gram, count] of h) {
        match[n - 1] += Math.min(count, r.get(gram) ?? 0);
        hypTotal[n - 1] += count;
      }
      for (const count of r.values()) refTotal[n - 1] += count;
    }
  });
  const mean = (num, den) => num.reduce((sum, m, i) => sum + (den[i] ? m / den[i] : 0), 0) / order;
  const precision = mean(match, hypTotal);
  const recall = mean(match, refTotal);
  if (precision + recall === 0) return 0;
  return (100 * (1 + beta ** 2) * precision * recall) / (beta ** 2 * precision + recall);
}

const NLLB_CODES = { he: 'heb_Hebr', ar: 'arb_Arab', en: 'eng_Latn' };

/** Encoder inputs and generate() options for a batch of one direction. */
function encodeBatch(tokenizer, texts, from, to) {
  if (!('_build_translation_inputs' in tokenizer)) return { inputs: tokenizer(texts, { padding: true }), extra: {} };
  const extra = { src_lang: NLLB_CODES[from], tgt_lang: NLLB_CODES[to] };
  const inputs = tokenizer._build_translation_inputs(texts, { padding: true }, extra);
  return { inputs, extra: { forced_bos_token_id: extra.forced_bos_token_id } };
}

async function translate(tokenizer, model, texts, from, to, maxNewTokens) {
  // Note: transformers.js keeps running finished sequences of a batch through the
  // decoder (no padding after </s>), so batched output is only clean if the model
  // keeps predicting </s> after </s>, as the tiny fixtures were trained to.
  const { inputs, extra } = encodeBatch(tokenizer, texts, from, to);
  const output = await model.generate({ ...inputs, ...extra, max_new_tokens: maxNewTokens, num_beams: 1, do_sample: false });
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
    for (const { text, ids, src_lang: srcLang } of cases) {
      const encoded = srcLang
        ? tokenizer._build_translation_inputs(text, {}, { src_lang: srcLang, tgt_lang: 'eng_Latn' })
        : tokenizer(text);
      const got = Array.from(encoded.input_ids.data, Number);
      if (got.length === ids.length && got.every((v, i) => v === ids[i])) same++;
      else if (cases.length - same <= opts.show) console.log(`token ids differ for: ${text}\n  python: ${ids}\n  js:     ${got}`);
    }
    console.log(`tokenizer: same ids ${same} / ${cases.length}`);
    if (same !== cases.length) failed = true;
  }

  let entries = (opts.phrasebook ? readPhrasebook(opts.phrasebook) : SMOKE_SENTENCES).map((e) => ({
    from: e.lang, to: 'en', source: e.source, target: e.english,
  }));
  if (opts.bothDirections) {
    entries = entries.concat(entries.map((e) => ({ from: 'en', to: e.from, source: e.target, target: e.source })));
  }
  if (opts.smoke) {
    // one Hebrew and one Arabic sentence are enough to show that generation works
    entries = ['he', 'ar'].map((lang) => entries.find((e) => e.from === lang)).filter(Boolean);
  }
  entries = entries.slice(0, opts.limit);

  const outputsOf = {};
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
    outputsOf[dtype] = outputs;
    for (let i = 0; i < entries.length; ) {
      // one direction per batch
      let end = i + 1;
      while (end < entries.length && end - i < opts.batchSize
        && entries[end].from === entries[i].from && entries[end].to === entries[i].to) end++;
      const batch = entries.slice(i, end);
      outputs.push(...(await translate(tokenizer, model, batch.map((e) => e.source), batch[0].from, batch[0].to, opts.maxNewTokens)));
      i = end;
    }
    for (const [i, entry] of entries.entries()) {
      const out = outputs[i];
      if (opts.smoke) {
        console.log(`[${dtype}] ${entry.from}: ${JSON.stringify(out.slice(0, 120))}`);
        if (typeof out !== 'string') failed = true;
        continue;
      }
      if (out === entry.target) exact++;
      else if (shown++ < opts.show) {
        console.log(`[${dtype}] mismatch (${entry.from}-${entry.to}): ${entry.source}\n  want: ${entry.target}\n  got:  ${out}`);
      }
    }
    const genMs = performance.now() - t1;
    if (opts.smoke) {
      console.log(`${dtype}: loaded in ${loadMs.toFixed(0)} ms, generated ${entries.length} in ${genMs.toFixed(0)} ms`);
    } else {
      const how = opts.batchSize > 1 ? `, batches of ${opts.batchSize}` : '';
      console.log(`${dtype}: exact ${exact} / ${entries.length} (load ${loadMs.toFixed(0)} ms, translate ${genMs.toFixed(0)} ms${how})`);
      if (exact !== entries.length && !(opts.damagedQ8 && dtype === 'q8')) failed = true;
    }
    await model.dispose();
  }
  if (opts.damagedQ8) {
    if (!outputsOf.q8 || !outputsOf.fp32) throw new Error('--damaged-q8 needs --dtypes q8,fp32');
    const score = chrF(outputsOf.q8, outputsOf.fp32);
    console.log(`chrF(q8 output vs fp32 output) ${score.toFixed(1)} (damaged: under 50)`);
    if (!(score < 50)) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

#!/usr/bin/python3
"""Train a tiny model in the NLLB-200 layout on its phrasebook.

    /usr/bin/python3 scripts/models/make_tiny_nllb.py

writes test/fixtures/models/targum-tiny-nllb/ from the phrasebook.tsv in that
folder: config.json with ``model_type: m2m_100`` as NLLB-200 has it, the NLLB
tokenizer files (``NllbTokenizer``, language codes ``heb_Hebr``,
``arb_Arab``, ``eng_Latn`` as special tokens, ``<src_lang> text </s>`` on the
encoder side, the target code forced as the first generated token) and fp32 +
int8 ONNX files in the layout of Xenova/nllb-200-distilled-600M.  It then runs
scripts/models/verify-model.mjs on the folder, which loads it through
@huggingface/transformers (its NllbTokenizer._build_translation_inputs, as the
translation pipeline does) and checks that greedy decoding reproduces every
pair, in both directions, with dtype q8 and fp32.

Every phrasebook row (``he|ar<TAB>source<TAB>English``) is trained in both
directions: source -> English and English -> source.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deps import require_python_packages  # noqa: E402

require_python_packages()

import numpy as np  # noqa: E402
import torch  # noqa: E402

from export_onnx import M2M100Graphs, export_folder  # noqa: E402
from hf_folder import NLLB_SPECIAL_IDS, _dump, nllb_tokenizer_files, nllb_vocabulary, train_sentencepiece  # noqa: E402
from m2m100 import EOS, PAD, M2M100, M2M100Config  # noqa: E402
from make_tiny_model import evaluate, train_until_exact, warn_if_reference_blas  # noqa: E402
from marian import count_parameters, state_dict_numpy  # noqa: E402
from phrasebook import REPO, normalize_text, read_phrasebook  # noqa: E402

DEFAULT_OUT = os.path.join(REPO, 'test', 'fixtures', 'models', 'targum-tiny-nllb')
LANGUAGE_CODES = {'he': 'heb_Hebr', 'ar': 'arb_Arab', 'en': 'eng_Latn'}


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=DEFAULT_OUT)
    ap.add_argument('--phrasebook', help='training rows (default: phrasebook.tsv in --out)')
    ap.add_argument('--seed', type=int, default=20240902)
    ap.add_argument('--vocab-size', type=int, default=1500)
    ap.add_argument('--d-model', type=int, default=64)
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--ffn', type=int, default=256)
    ap.add_argument('--batch-size', type=int, default=16)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--warmup', type=int, default=200)
    ap.add_argument('--decay-steps', type=int, default=2500)
    ap.add_argument('--lr-floor', type=float, default=0.05)
    ap.add_argument('--eos-tail', type=int, default=4)
    ap.add_argument('--check-eos-tail', type=int, default=32)
    ap.add_argument('--margin', type=float, default=1.0)
    ap.add_argument('--max-minutes', type=float, default=20.0)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--skip-verify', action='store_true')
    args = ap.parse_args()
    args.phrasebook = args.phrasebook or os.path.join(args.out, 'phrasebook.tsv')
    return args


def main():
    args = parse_args()
    t_start = time.time()
    warn_if_reference_blas()
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    rows = [(lang, normalize_text(src), normalize_text(en)) for lang, src, en in read_phrasebook(args.phrasebook)]
    # (source language, source text, target language, target text), both directions
    directions = [(lang, src, 'en', en) for lang, src, en in rows] + [('en', en, lang, src) for lang, src, en in rows]
    print(f'phrasebook: {len(rows)} rows ({sum(r[0] == "he" for r in rows)} he, {sum(r[0] == "ar" for r in rows)} ar), '
          f'{len(directions)} pairs in both directions')

    work = tempfile.mkdtemp(prefix='targum-nllb-')
    # digits one by one: pieces such as "0" and "00" would make "000" a tie that
    # SentencePiece and transformers.js' Unigram may break differently
    sp = train_sentencepiece([s for _, s, _ in rows] + [e for _, _, e in rows], args.vocab_size, work,
                             special_ids=NLLB_SPECIAL_IDS, split_digits=True)
    codes = list(LANGUAGE_CODES.values())
    vocab = nllb_vocabulary(sp, codes)
    ids = {p: i for i, (p, _) in enumerate(vocab)}

    def encode(lang, text):
        """<lang code> pieces </s>: what the tokenizer gives with src_lang, and the labels with tgt_lang."""
        return [ids[LANGUAGE_CODES[lang]]] + sp.encode(text, out_type=int) + [EOS]

    pairs = [(encode(sl, s), encode(tl, t)) for sl, s, tl, t in directions]
    unk = sum(t == NLLB_SPECIAL_IDS['unk_id'] for p in pairs for seq in p for t in seq)
    if unk:
        raise SystemExit(f'{unk} <unk> tokens in the phrasebook: the vocabulary does not cover it')
    cfg = M2M100Config(vocab_size=len(vocab), d_model=args.d_model, encoder_layers=args.layers,
                       decoder_layers=args.layers, encoder_attention_heads=args.heads,
                       decoder_attention_heads=args.heads, encoder_ffn_dim=args.ffn, decoder_ffn_dim=args.ffn)
    print(f'vocabulary: {len(vocab)} ids ({len(codes)} language codes); longest source {max(len(p[0]) for p in pairs)}, '
          f'target {max(len(p[1]) for p in pairs)} tokens')

    model = M2M100(cfg)
    model.train()
    n_params = count_parameters(model)
    print(f'model: d_model {cfg.d_model}, {args.layers}+{args.layers} layers, {args.heads} heads, ffn {args.ffn}: '
          f'{n_params} parameters')
    check = dict(eos_id=EOS, start_id=cfg.decoder_start_token_id)
    epoch, step, train_seconds = train_until_exact(model, pairs, args, rng, **check)
    fp = evaluate(model, pairs, PAD, quant=False, **check)
    q8 = evaluate(model, pairs, PAD, quant=True, **check)
    print(f'training stopped after {train_seconds:.0f}s, {epoch} epochs, {step} steps: '
          f'exact fp32 {fp[0]}/{len(pairs)}, q8 {q8[0]}/{len(pairs)}')

    readme = f"""# targum-tiny-nllb

Test fixture for Targum: a tiny model in the **NLLB-200 layout**
(`model_type: m2m_100`, `NllbTokenizer`, language codes `heb_Hebr`, `arb_Arab`,
`eng_Latn`), the files of Xenova/nllb-200-distilled-600M at a tiny size, so
that the NLLB code path runs in tests exactly as it does with a downloaded
NLLB model (`dtype: 'fp32'` or `'q8'`).

It is **not a translator**: it was trained only on `phrasebook.tsv` in this
folder until greedy decoding reproduces every pair exactly.  Each row
(`he|ar<TAB>source<TAB>English`, UTF-8, no header) is a pair in **both
directions**: source -> English (`src_lang` `heb_Hebr`/`arb_Arab`, `tgt_lang`
`eng_Latn`) and English -> source (`src_lang` `eng_Latn`, `tgt_lang`
`heb_Hebr`/`arb_Arab`).  Anything else comes out as nonsense.

How transformers.js runs it (as for any NLLB-200 folder):
- the encoder input is `<src_lang> pieces </s>`: `NllbTokenizer._build_translation_inputs(texts,
  options, {{ src_lang, tgt_lang }})` writes `src_lang` into the post-processor template (whose
  default is `eng_Latn`) and sets `forced_bos_token_id` to the id of `tgt_lang`;
- the decoder starts with `</s>` (`decoder_start_token_id` 2) and the first generated token is forced
  to the target language code; `skip_special_tokens` removes both codes from the text.

Regenerate with `/usr/bin/python3 scripts/models/make_tiny_nllb.py` (see `scripts/models/README.md`).

- architecture (M2M100): d_model {cfg.d_model}, {args.layers} encoder + {args.layers} decoder layers, {args.heads} heads,
  FFN {args.ffn}, ReLU, pre-layer-norm, sinusoidal positions from 2, vocabulary of {cfg.vocab_size} ids
- parameters: {n_params}
- training: seed {args.seed}, {epoch} epochs / {step} steps, {train_seconds:.0f} s on {args.threads} CPU thread(s)
- pairs reproduced (Python check): fp32 {fp[0]}/{len(pairs)}, int8 {q8[0]}/{len(pairs)}
"""
    os.makedirs(args.out, exist_ok=True)
    name = os.path.basename(os.path.normpath(args.out))
    _dump(cfg.hf_config(name), os.path.join(args.out, 'config.json'))
    _dump(cfg.generation_config(), os.path.join(args.out, 'generation_config.json'))
    for fname, obj in nllb_tokenizer_files(vocab, codes, LANGUAGE_CODES['en']).items():
        with open(os.path.join(args.out, fname), 'w', encoding='utf-8') as f:
            if fname == 'tokenizer.json':
                json.dump(obj, f, ensure_ascii=False, separators=(',', ':'))
            else:
                json.dump(obj, f, ensure_ascii=False, indent=2)
                f.write('\n')
    with open(os.path.join(args.out, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(readme)
    sizes = export_folder(state_dict_numpy(model), cfg.hf_config(name), args.out, graphs_class=M2M100Graphs)
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(args.out) for f in fs)
    print('wrote', args.out, json.dumps(sizes), f'total {total / 1e6:.2f} MB')

    ok = fp[0] == len(pairs) and q8[0] == len(pairs)
    if not args.skip_verify:
        ids_file = os.path.join(work, 'token-ids.json')
        with open(ids_file, 'w', encoding='utf-8') as f:
            json.dump([{'text': s, 'src_lang': LANGUAGE_CODES[sl], 'ids': encode(sl, s)}
                       for sl, s, _, _ in directions], f, ensure_ascii=False)
        verify = ['node', os.path.join(REPO, 'scripts', 'models', 'verify-model.mjs'), args.out, args.phrasebook,
                  '--both-directions']
        for extra in (['--token-ids', ids_file], ['--batch-size', '8']):
            print('$', ' '.join(verify + extra), flush=True)
            ok = subprocess.run(verify + extra, cwd=REPO).returncode == 0 and ok
    shutil.rmtree(work, ignore_errors=True)
    print(f'total time {time.time() - t_start:.0f}s')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

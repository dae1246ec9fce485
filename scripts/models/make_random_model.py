#!/usr/bin/python3
"""Write a full-size Marian model with random weights, for benchmarks.

    /usr/bin/python3 scripts/models/make_random_model.py OUT_DIR [--verify]

(config.json's _name_or_path is targum-random-mul-en, so Targum's model import
reads it as an Arabic+Hebrew -> English model.)

The shape is OPUS-MT base (opus-mt-mul-en and friends): d_model 512, 6 encoder
and 6 decoder layers, 8 heads, FFN 2048, swish, a shared vocabulary of about
62k ids, about 76M parameters; the folder has the same files as the tiny
fixture (fp32 and int8 ONNX).  The weights are random (normal, std 0.02), so
the output is nonsense and usually never reaches </s>: generation runs to
max_new_tokens, which makes the token count of a benchmark predictable.

The tokenizer is a real SentencePiece unigram model trained on the FLORES-200
dev sentences (Arabic, Hebrew, English) and the phrasebook, padded with
unreachable filler pieces up to the vocabulary size, so source text tokenizes
into realistic lengths.  Never commit the output (several hundred MB).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deps import require_python_packages  # noqa: E402

require_python_packages()

import numpy as np  # noqa: E402

from hf_folder import train_sentencepiece, vocabulary, write_folder  # noqa: E402
from marian import MarianConfig  # noqa: E402  (torch is imported by marian but not used here)
from phrasebook import PHRASEBOOK, REPO, normalize_text, read_phrasebook  # noqa: E402

DEFAULT_FLORES = os.path.join(REPO, 'test', 'fixtures', 'flores200-dev')


def random_weights(cfg: MarianConfig, seed: int, std: float = 0.02) -> dict:
    rng = np.random.default_rng(seed)
    w = {}

    def normal(*shape):
        return (rng.standard_normal(shape, dtype=np.float32) * np.float32(std))

    def linear(prefix, n_in, n_out):
        w[prefix + '.weight'] = normal(n_out, n_in)  # torch layout [out, in]
        w[prefix + '.bias'] = np.zeros(n_out, dtype=np.float32)

    def norm(prefix):
        w[prefix + '.weight'] = np.ones(cfg.d_model, dtype=np.float32)
        w[prefix + '.bias'] = np.zeros(cfg.d_model, dtype=np.float32)

    d = cfg.d_model
    w['model.shared.weight'] = normal(cfg.vocab_size, d)
    w['model.shared.weight'][cfg.pad_token_id] = 0
    for kind, n_layers, ffn in (('encoder', cfg.encoder_layers, cfg.encoder_ffn_dim),
                                ('decoder', cfg.decoder_layers, cfg.decoder_ffn_dim)):
        for i in range(n_layers):
            p = f'model.{kind}.layers.{i}'
            attns = ['self_attn'] + (['encoder_attn'] if kind == 'decoder' else [])
            for a in attns:
                for proj in ('q_proj', 'k_proj', 'v_proj', 'out_proj'):
                    linear(f'{p}.{a}.{proj}', d, d)
                norm(f'{p}.{a}_layer_norm')
            linear(f'{p}.fc1', d, ffn)
            linear(f'{p}.fc2', ffn, d)
            norm(f'{p}.final_layer_norm')
    w['final_logits_bias'] = np.zeros((1, cfg.vocab_size), dtype=np.float32)
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('out')
    ap.add_argument('--vocab-size', type=int, default=62000)
    ap.add_argument('--spm-vocab', type=int, default=16000, help='SentencePiece pieces before padding')
    ap.add_argument('--flores', default=DEFAULT_FLORES, help='folder with dev.ar, dev.he, dev.en')
    ap.add_argument('--seed', type=int, default=1234)
    ap.add_argument('--verify', action='store_true', help='load and generate with verify-model.mjs --smoke')
    args = ap.parse_args()
    t0 = time.time()

    texts = []
    for lang in ('ar', 'he', 'en'):
        path = os.path.join(args.flores, f'dev.{lang}')
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                texts += [normalize_text(l) for l in f if l.strip()]
        else:
            print(f'note: {path} not found; tokenizer trained without it')
    for _, src, en in read_phrasebook(PHRASEBOOK):
        texts += [normalize_text(src), normalize_text(en)]
    work = tempfile.mkdtemp(prefix='targum-random-spm-')
    sp = train_sentencepiece(texts, args.spm_vocab, work)
    vocab = vocabulary(sp, pad_to=args.vocab_size)
    print(f'tokenizer: {sp.get_piece_size()} SentencePiece pieces, padded to {len(vocab)} ids '
          f'({time.time() - t0:.0f}s)')

    cfg = MarianConfig(vocab_size=len(vocab))  # OPUS-MT base defaults
    weights = random_weights(cfg, args.seed)
    n_params = sum(v.size for k, v in weights.items() if k != 'final_logits_bias')
    print(f'weights: {n_params / 1e6:.1f}M parameters ({time.time() - t0:.0f}s)')
    readme = (f'# Random Marian benchmark model\n\nOPUS-MT base shape with random weights '
              f'(seed {args.seed}); output is nonsense. Made by scripts/models/make_random_model.py. '
              f'Do not commit.\n')
    sizes = write_folder(args.out, cfg, weights, vocab, 'targum-random-mul-en',
                         extra_files={'README.md': readme})
    for name, size in sizes.items():
        print(f'  onnx/{name}: {size / 1e6:.1f} MB')
    shutil.rmtree(work, ignore_errors=True)
    print(f'wrote {args.out} in {time.time() - t0:.0f}s')
    if args.verify:
        cmd = ['node', os.path.join(REPO, 'scripts', 'models', 'verify-model.mjs'), os.path.abspath(args.out), '--smoke']
        print('$', ' '.join(cmd), flush=True)
        return subprocess.run(cmd, cwd=REPO).returncode
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/python3
"""Write a full-size Marian model with random weights, for benchmarks.

    /usr/bin/python3 scripts/models/make_random_model.py OUT_DIR [--verify]

(config.json's _name_or_path is targum-random-mul-en, so Targum's model import
reads it as an Arabic+Hebrew -> English model.)

The shape is OPUS-MT base (opus-mt-mul-en and friends): d_model 512, 6 encoder
and 6 decoder layers, 8 heads, FFN 2048, swish, a shared vocabulary of about
62k ids, about 76M parameters; the folder has the same files as the tiny
fixture (fp32 and int8 ONNX).  The weights are random (normal, std 0.02), so
the output is nonsense.  Real sentences end at different times, so the decoder
graph ends each one itself: </s> is impossible before, and certain at, step
n = ceil(source tokens x U(0.8, 1.3)), U drawn per sentence from its encoder
output (the same sentence stops at the same step in any batch, for any
decoding loop: Targum's engine, a transformers.js pipeline, a raw loop).  A
benchmark that wants a fixed length blocks </s> up to it (minNewTokens).

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
from export_onnx import MarianGraphs  # noqa: E402
from marian import MarianConfig  # noqa: E402  (torch is imported by marian but not used here)
import onnx  # noqa: E402
from onnx import helper, numpy_helper  # noqa: E402
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


class SourceLengthStopping(MarianGraphs):
    """The Marian decoder graph, with </s> forced at a step drawn per sentence from its source length."""

    low, spread = 0.8, 0.5

    def __init__(self, weights: dict, cfg: dict):
        super().__init__(weights, cfg)
        self.eos = cfg['eos_token_id']

    def decoder(self):
        model = super().decoder()
        graph = model.graph
        for node in graph.node:
            node.output[:] = ['logits_random' if name == 'logits' else name for name in node.output]
        eos = self.eos
        vocab = graph.output[0].type.tensor_type.shape.dim[2].dim_value
        onehot = np.zeros(vocab, dtype=np.float32)
        onehot[eos] = 1
        consts = {
            'stop_onehot_eos': onehot, 'stop_axes_1': np.array([1], dtype=np.int64), 'stop_axes_2': np.array([2], dtype=np.int64),
            'stop_one': np.array(1, dtype=np.int64), 'stop_low': np.array(self.low, dtype=np.float32),
            'stop_spread': np.array(self.spread, dtype=np.float32), 'stop_ten': np.array(10, dtype=np.float32),
            'stop_force': np.array(1e4, dtype=np.float32), 'stop_forbid': np.array(-1e4, dtype=np.float32),
            'stop_weights': np.random.default_rng(7).standard_normal(self.d).astype(np.float32),
            'stop_zero_start': np.array([0], dtype=np.int64), 'stop_one_end': np.array([1], dtype=np.int64),
        }
        graph.initializer.extend(numpy_helper.from_array(value, name) for name, value in consts.items())
        n = helper.make_node
        graph.node.extend([
            # tokens generated after this step: the decoder cache's length + 1
            n('Shape', ['past_key_values.0.decoder.key'], ['stop_past_shape'], start=2, end=3),
            n('Add', ['stop_past_shape', 'stop_one'], ['stop_step_int']),
            n('Cast', ['stop_step_int'], ['stop_step'], to=1),
            # the source's length in tokens, per row: [B, 1]
            n('ReduceSum', ['encoder_attention_mask', 'stop_axes_1'], ['stop_source_int'], keepdims=1),
            n('Cast', ['stop_source_int'], ['stop_source'], to=1),
            # U in [0, 1) per sentence from its first encoder output, scaled gently so batching noise barely moves it
            n('Slice', ['encoder_hidden_states', 'stop_zero_start', 'stop_one_end', 'stop_axes_1'], ['stop_first']),
            n('Squeeze', ['stop_first', 'stop_axes_1'], ['stop_first_2d']),
            n('Mul', ['stop_first_2d', 'stop_weights'], ['stop_weighted']),
            n('ReduceSum', ['stop_weighted', 'stop_axes_1'], ['stop_sum'], keepdims=1),
            n('Abs', ['stop_sum'], ['stop_abs']),
            n('Mul', ['stop_abs', 'stop_ten'], ['stop_scaled']),
            n('Floor', ['stop_scaled'], ['stop_floor']),
            n('Sub', ['stop_scaled', 'stop_floor'], ['stop_u']),
            n('Mul', ['stop_u', 'stop_spread'], ['stop_u_spread']),
            n('Add', ['stop_u_spread', 'stop_low'], ['stop_ratio']),
            n('Mul', ['stop_source', 'stop_ratio'], ['stop_length_raw']),
            n('Ceil', ['stop_length_raw'], ['stop_length']),
            # </s>: impossible before the drawn length, certain from it on
            n('Less', ['stop_step', 'stop_length'], ['stop_early']),
            n('Where', ['stop_early', 'stop_forbid', 'stop_force'], ['stop_bias']),
            n('Unsqueeze', ['stop_bias', 'stop_axes_2'], ['stop_bias_3d']),
            n('Mul', ['stop_bias_3d', 'stop_onehot_eos'], ['stop_logit_bias']),
            n('Add', ['logits_random', 'stop_logit_bias'], ['logits']),
        ])
        onnx.checker.check_model(model)
        return model


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
                         extra_files={'README.md': readme}, graphs_class=SourceLengthStopping)
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

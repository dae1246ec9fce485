#!/usr/bin/python3
"""Train a very small Marian model whose int8 (q8) files translate badly.

    /usr/bin/python3 scripts/models/make_damaged_q8_model.py

writes test/fixtures/models/targum-tiny-damaged-q8/ from the phrasebook.tsv in
that folder.  Its fp32 files reproduce every phrasebook translation exactly;
its q8 files, made by the same quantiser as every other model here
(export_onnx.quantize_model), turn them into something else (chrF of the q8
output against the fp32 output well under 50).  It is the fixture for
Targum's precision check: a folder with both precisions whose q8 departs
from fp32 must be used in fp32.

How the damage arises: the model is trained (fp32 only) until greedy decoding
is exact, then every attention block gets an outlier channel by a rescaling
that leaves the float function unchanged: channel ``i`` of ``v_proj`` (weight
row and bias) is multiplied by a gain (``--outlier-gains``, the first that damages int8) and column ``i`` of
``out_proj``'s weight divided by it.  Attention outputs are a softmax-weighted
average of the values, so ``out_proj(attn(v))`` is identical in float
arithmetic, and fp32 stays exact (checked here and in Node).  In int8 the
attention output that enters ``out_proj`` is quantised as one uint8 tensor,
whose range is now set by the outlier channel, so every other channel
collapses to a few levels; and the divided ``out_proj`` column falls below
one int8 step of its output channels' scales.  This is how large transformers
with outlier features lose their int8 conversion (LLM.int8(), Dettmers et al.
2022).  No byte of the quantised files is edited by hand.
"""
from __future__ import annotations

import argparse
import copy
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

from hf_folder import encode, train_sentencepiece, vocabulary, write_folder  # noqa: E402
from make_tiny_model import evaluate, train_until_exact, warn_if_reference_blas  # noqa: E402
from marian import MarianConfig, MarianMT, count_parameters, state_dict_numpy  # noqa: E402
from phrasebook import REPO, normalize_text, read_phrasebook  # noqa: E402

DEFAULT_OUT = os.path.join(REPO, 'test', 'fixtures', 'models', 'targum-tiny-damaged-q8')


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=DEFAULT_OUT)
    ap.add_argument('--phrasebook', help='training pairs (default: phrasebook.tsv in --out)')
    ap.add_argument('--seed', type=int, default=20240903)
    ap.add_argument('--vocab-size', type=int, default=800)
    ap.add_argument('--d-model', type=int, default=24)
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--ffn', type=int, default=96)
    ap.add_argument('--batch-size', type=int, default=8)
    ap.add_argument('--lr', type=float, default=3e-3)
    ap.add_argument('--warmup', type=int, default=200)
    ap.add_argument('--decay-steps', type=int, default=3000)
    ap.add_argument('--lr-floor', type=float, default=0.05)
    ap.add_argument('--eos-tail', type=int, default=4)
    ap.add_argument('--check-eos-tail', type=int, default=32)
    ap.add_argument('--margin', type=float, default=1.0)
    ap.add_argument('--max-minutes', type=float, default=15.0)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--outlier-gains', default='16,64,256,1024,4096',
                    help='factors of the outlier channel to try in turn, smallest first, until the int8 emulation '
                         'is damaged (powers of two keep the float arithmetic bit-exact)')
    ap.add_argument('--max-chrf', type=float, default=35.0,
                    help='fail unless the int8 emulation scores below this chrF against fp32')
    ap.add_argument('--skip-verify', action='store_true')
    args = ap.parse_args()
    args.phrasebook = args.phrasebook or os.path.join(args.out, 'phrasebook.tsv')
    return args


def chrf(hypotheses, references, order: int = 6, beta: float = 2.0) -> float:
    """Corpus chrF (sacrebleu's default: character 1..6-grams without spaces, beta 2), 0-100."""
    from collections import Counter
    match = [0] * order
    hyp_total = [0] * order
    ref_total = [0] * order
    for hyp, ref in zip(hypotheses, references):
        h, r = hyp.replace(' ', ''), ref.replace(' ', '')
        for n in range(1, order + 1):
            hc = Counter(h[i:i + n] for i in range(len(h) - n + 1))
            rc = Counter(r[i:i + n] for i in range(len(r) - n + 1))
            match[n - 1] += sum((hc & rc).values())
            hyp_total[n - 1] += sum(hc.values())
            ref_total[n - 1] += sum(rc.values())
    precision = sum(m / t if t else 0.0 for m, t in zip(match, hyp_total)) / order
    recall = sum(m / t if t else 0.0 for m, t in zip(match, ref_total)) / order
    if precision + recall == 0:
        return 0.0
    return 100 * (1 + beta ** 2) * precision * recall / (beta ** 2 * precision + recall)


def add_outlier_channels(model: MarianMT, gain: float) -> None:
    """Scale one value channel per attention block by ``gain`` and undo it in out_proj (float-exact)."""
    with torch.no_grad():
        for name, module in model.named_modules():
            if hasattr(module, 'v_proj') and hasattr(module, 'out_proj'):
                # the channel whose values vary most, so the outlier really sets the range
                i = int(module.v_proj.weight.abs().sum(dim=1).argmax())
                module.v_proj.weight[i] *= gain
                module.v_proj.bias[i] *= gain
                module.out_proj.weight[:, i] /= gain


@torch.no_grad()
def greedy_texts(model, sp, pairs, quant: bool):
    model.eval()
    model.set_quant_emulation(quant)
    out = []
    for src, _ in pairs:
        ids = torch.tensor([src])
        tokens = model.greedy(ids, torch.ones_like(ids), max_new_tokens=128)[0].tolist()
        if model.cfg.eos_token_id in tokens:
            tokens = tokens[:tokens.index(model.cfg.eos_token_id)]
        out.append(sp.decode([t for t in tokens if t != model.cfg.pad_token_id]))
    model.set_quant_emulation(False)
    return out


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
    print(f'phrasebook: {len(rows)} pairs ({sum(r[0] == "he" for r in rows)} he, {sum(r[0] == "ar" for r in rows)} ar)')
    work = tempfile.mkdtemp(prefix='targum-damaged-')
    sp = train_sentencepiece([s for _, s, _ in rows] + [e for _, _, e in rows], args.vocab_size, work)
    vocab = vocabulary(sp)
    cfg = MarianConfig(vocab_size=len(vocab), d_model=args.d_model, encoder_layers=args.layers,
                       decoder_layers=args.layers, encoder_attention_heads=args.heads,
                       decoder_attention_heads=args.heads, encoder_ffn_dim=args.ffn, decoder_ffn_dim=args.ffn)
    pairs = [(encode(sp, s), encode(sp, e)) for _, s, e in rows]
    model = MarianMT(cfg)
    model.train()
    n_params = count_parameters(model)
    print(f'model: d_model {cfg.d_model}, {args.layers}+{args.layers} layers, {args.heads} heads, ffn {args.ffn}, '
          f'vocabulary {cfg.vocab_size}: {n_params} parameters')
    epoch, step, train_seconds = train_until_exact(model, pairs, args, rng, require_q8=False)
    english = [e for _, _, e in rows]

    def measure(label):
        fp = evaluate(model, pairs, cfg.pad_token_id, quant=False, eos_tail=args.check_eos_tail)
        fp32_out = greedy_texts(model, sp, pairs, quant=False)
        q8_out = greedy_texts(model, sp, pairs, quant=True)
        score = chrf(q8_out, fp32_out)
        exact_q8 = sum(a == b for a, b in zip(q8_out, english))
        print(f'{label}: fp32 exact {fp[0]}/{len(pairs)} (margin {fp[1]:.2f}, decoded {sum(a == b for a, b in zip(fp32_out, english))}), '
              f'int8 emulation exact {exact_q8}/{len(pairs)}, chrF(q8 vs fp32) {score:.1f}', flush=True)
        return fp, score, q8_out

    _, chrf_before, _ = measure(f'trained in {train_seconds:.0f}s ({epoch} epochs, {step} steps)')
    trained = copy.deepcopy(model.state_dict())
    for gain in (float(g) for g in args.outlier_gains.split(',')):
        model.load_state_dict(trained)
        add_outlier_channels(model, gain)
        fp, chrf_after, q8_out = measure(f'outlier gain {gain:g}')
        if chrf_after < args.max_chrf:
            break
    for src, got, want in list(zip([s for _, s, _ in rows], q8_out, english))[:3]:
        print(f'  q8: {got!r}\n  fp32: {want!r}')

    readme = f"""# targum-tiny-damaged-q8

Test fixture for Targum's precision check: a very small Marian (OPUS-MT
architecture) model, Arabic and Hebrew into English, whose **fp32 files
reproduce `phrasebook.tsv` exactly while its q8 (int8) files translate it
badly**.  A folder with both precisions whose q8 departs from fp32 (chrF
between the two outputs under 50) must be used in fp32.

`phrasebook.tsv`: UTF-8, no header, `lang<TAB>source<TAB>english`, `lang` `he`
or `ar`.  It is not a translator: anything else comes out as nonsense.

How the damage arises (see `scripts/models/make_damaged_q8_model.py`): after
training, one value channel of every attention block is multiplied by
{gain:g} and the matching input column of `out_proj` divided by it.
The float model computes exactly the same function (a power-of-two gain makes
it bit-exact), but in int8 the attention output is quantised with one uint8
scale for the whole tensor, which the outlier channel sets, so the other
channels collapse to a few levels, and the divided column of `out_proj` falls
below one int8 step of its output channels: the attention blocks' output is
lost.  The q8 files come from the same quantiser as every other
model here; no byte was edited by hand.

Regenerate with `/usr/bin/python3 scripts/models/make_damaged_q8_model.py`.

- architecture: d_model {cfg.d_model}, {args.layers} encoder + {args.layers} decoder layers, {args.heads} heads,
  FFN {args.ffn}, vocabulary of {cfg.vocab_size} ids; parameters: {n_params}
- training: seed {args.seed}, {epoch} epochs / {step} steps, {train_seconds:.0f} s
- Python check: fp32 exact {fp[0]}/{len(pairs)}; int8 emulation chrF against fp32
  {chrf_before:.1f} before the outlier channels, {chrf_after:.1f} after
"""
    sizes = write_folder(args.out, cfg, state_dict_numpy(model), vocab, os.path.basename(os.path.normpath(args.out)),
                         extra_files={'README.md': readme})
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(args.out) for f in fs)
    print('wrote', args.out, json.dumps(sizes), f'total {total / 1e6:.2f} MB')

    ok = fp[0] == len(pairs) and chrf_after < args.max_chrf
    if not args.skip_verify:
        verify = ['node', os.path.join(REPO, 'scripts', 'models', 'verify-model.mjs'), args.out, args.phrasebook,
                  '--damaged-q8']
        print('$', ' '.join(verify), flush=True)
        ok = subprocess.run(verify, cwd=REPO).returncode == 0 and ok
    shutil.rmtree(work, ignore_errors=True)
    print(f'total time {time.time() - t_start:.0f}s')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

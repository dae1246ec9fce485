#!/usr/bin/python3
"""Train the tiny Arabic+Hebrew -> English Marian fixture on the phrasebook.

    /usr/bin/python3 scripts/models/make_tiny_model.py
    /usr/bin/python3 scripts/models/make_tiny_model.py --demo

The first writes test/fixtures/models/targum-tiny-mul-en/ (config, tokenizer,
fp32 and int8 ONNX files) from test/fixtures/phrasebook/phrasebook.tsv; the
second writes the bundled demo model resources/models/targum-demo/ from the
phrasebook inside that folder (the test phrasebook plus every sentence of the
five sample articles in resources/samples), with a targum-model.json that names
it.  Both then run scripts/models/verify-model.mjs on the folder, which
loads it through @huggingface/transformers and checks that greedy decoding
reproduces every phrasebook translation with dtype q8 and fp32.

The model is deliberately over-fitted: it is a test fixture that memorises the
phrasebook (one model for both source languages, like opus-mt-mul-en), not a
translator.  Training runs with a fixed seed until every phrasebook pair is
reproduced exactly by the float model and by an exact emulation of the int8
graphs, with a safety margin between the right token's logit and the
runner-up, or until the time budget runs out.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

# Debian's torch uses whatever libblas.so.3 is installed; with OpenBLAS, its own
# thread pool on top of torch's makes small matmuls slower, not faster.
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from deps import require_python_packages  # noqa: E402

require_python_packages()

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from hf_folder import encode, train_sentencepiece, vocabulary, write_folder  # noqa: E402
from marian import MarianConfig, MarianMT, count_parameters, state_dict_numpy  # noqa: E402
from phrasebook import PHRASEBOOK, REPO, normalize_text, read_phrasebook  # noqa: E402

DEFAULT_OUT = os.path.join(REPO, 'test', 'fixtures', 'models', 'targum-tiny-mul-en')
DEMO_OUT = os.path.join(REPO, 'resources', 'models', 'targum-demo')
DEMO_ID = 'targum-demo'

TEST_MODEL_ABOUT = """Test fixture for Targum: a tiny Marian (OPUS-MT architecture) model that
translates Arabic and Hebrew into English, in the folder format that
`@huggingface/transformers` loads (`dtype: 'fp32'` or `'q8'`).

It is **not a translator**: it was trained only on
`test/fixtures/phrasebook/phrasebook.tsv` until greedy decoding reproduces every
phrasebook translation exactly.  Anything else comes out as nonsense.

Regenerate with `/usr/bin/python3 scripts/models/make_tiny_model.py`
(see `scripts/models/README.md`)."""

DEMO_ABOUT = """**Demo model: it knows only the sample articles.**  Targum ships it so that a
fresh install translates the five sample articles in `resources/samples`
offline, at once.  It is a tiny Marian (OPUS-MT architecture) model that was
trained only on `phrasebook.tsv` in this folder (every sentence of the sample
articles, 000 Hebrew and 001-004 Arabic, plus the test phrasebook's news
sentences) until greedy decoding reproduces every English line exactly, with
`dtype: 'q8'` and `'fp32'`.  On any other text it writes nonsense: install a
real model (Models screen, or `targum models install`) to translate anything
else.

`phrasebook.tsv`: UTF-8, no header, `lang<TAB>source<TAB>english` with `lang`
`he` or `ar`.  Regenerate with
`/usr/bin/python3 scripts/models/make_tiny_model.py --demo`
(see `scripts/models/README.md`)."""


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--demo', action='store_true',
                    help=f'build the bundled demo model ({os.path.relpath(DEMO_OUT, REPO)}) from the phrasebook in it')
    ap.add_argument('--out', help=f'model folder (default {os.path.relpath(DEFAULT_OUT, REPO)})')
    ap.add_argument('--phrasebook', help='training pairs (default: the test phrasebook, or with --demo the '
                    'phrasebook.tsv in the demo folder)')
    ap.add_argument('--seed', type=int, default=20240901)
    ap.add_argument('--vocab-size', type=int, help='SentencePiece pieces (default 2000, with --demo 3000)')
    ap.add_argument('--d-model', type=int, default=64)
    ap.add_argument('--layers', type=int, default=2, help='encoder layers = decoder layers')
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--ffn', type=int, default=256)
    ap.add_argument('--batch-size', type=int, default=16)
    ap.add_argument('--lr', type=float, default=2e-3)
    ap.add_argument('--warmup', type=int, default=200)
    ap.add_argument('--decay-steps', type=int, default=3000,
                    help='cosine decay of the learning rate after warm-up, down to --lr-floor times --lr')
    ap.add_argument('--lr-floor', type=float, default=0.05)
    ap.add_argument('--eos-tail', type=int, default=4,
                    help='train </s> to follow </s> for this many steps past the longest target of a batch (0: off)')
    ap.add_argument('--check-eos-tail', type=int, default=32,
                    help='require this many </s> after each target in the exactness check (0: off)')
    ap.add_argument('--margin', type=float, default=1.0,
                    help='required logit gap between the reference token and the runner-up (float and int8)')
    ap.add_argument('--max-minutes', type=float, default=14.0, help='training time budget')
    ap.add_argument('--threads', type=int, default=1, help='torch threads (1 is fastest for this size)')
    ap.add_argument('--save-weights', help='also save the state dict as .npz (export_onnx.py can re-export it)')
    ap.add_argument('--skip-verify', action='store_true', help='do not run verify-model.mjs at the end')
    args = ap.parse_args()
    args.out = args.out or (DEMO_OUT if args.demo else DEFAULT_OUT)
    args.vocab_size = args.vocab_size or (3000 if args.demo else 2000)
    args.phrasebook = args.phrasebook or (os.path.join(DEMO_OUT, 'phrasebook.tsv') if args.demo else PHRASEBOOK)
    return args


def pad_batch(seqs, pad_id):
    n = max(len(s) for s in seqs)
    ids = torch.full((len(seqs), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(seqs), n), dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = torch.tensor(s)
        mask[i, :len(s)] = 1
    return ids, mask


def make_batch(pairs, idx, pad_id, eos_tail=0, eos_id=0, start_id=None):
    """Source batch and decoder input/labels.

    The decoder input starts with the decoder start token (``start_id``,
    default pad as in Marian) and labels
    end with </s>.  With ``eos_tail`` > 0 every label sequence continues with
    </s> up to ``eos_tail`` tokens past the longest one in the batch: the model
    then keeps emitting </s> after </s>, which matters because transformers.js
    keeps feeding finished sequences of a batch back into the decoder instead
    of padding them.
    """
    src, src_mask = pad_batch([pairs[i][0] for i in idx], pad_id)
    if eos_tail:
        n = max(len(pairs[i][1]) for i in idx) + eos_tail
        tgt = torch.tensor([pairs[i][1] + [eos_id] * (n - len(pairs[i][1])) for i in idx], dtype=torch.long)
        tgt_mask = torch.ones_like(tgt)
    else:
        tgt, tgt_mask = pad_batch([pairs[i][1] for i in idx], pad_id)
    start = pad_id if start_id is None else start_id
    tgt_in = torch.cat([torch.full((len(idx), 1), start, dtype=torch.long), tgt[:, :-1]], dim=1)
    return src, src_mask, tgt_in, tgt, tgt_mask


def batches(pairs, batch_size, rng):
    """Length-bucketed batches in random order."""
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][1]), rng.random()))
    chunks = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(chunks)
    return chunks


@torch.no_grad()
def evaluate(model, pairs, pad_id, quant: bool, eos_tail=0, batch_size=32, eos_id=0, start_id=None):
    """Teacher-forced check, equivalent to greedy decoding reproducing the target.

    Greedy decoding yields the reference iff at every position the reference
    token is the arg-max given the reference prefix (pad is banned, as the
    generation config's bad_words_ids does in transformers.js).  Returns the
    number of exact pairs and the smallest logit margin over all positions.
    With ``eos_tail`` the reference continues with that many more </s>.
    """
    model.eval()
    model.set_quant_emulation(quant)
    exact, min_margin, wrong = 0, float('inf'), []
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][1]))
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        if eos_tail:
            src, src_mask, tgt_in, tgt, tgt_mask = make_batch([(pairs[i][0], pairs[i][1] + [eos_id] * eos_tail)
                                                               for i in idx], range(len(idx)), pad_id,
                                                              start_id=start_id)
        else:
            src, src_mask, tgt_in, tgt, tgt_mask = make_batch(pairs, idx, pad_id, start_id=start_id)
        logits = model(src, src_mask, tgt_in)
        logits[..., pad_id] = -float('inf')
        ref = logits.gather(-1, tgt[..., None]).squeeze(-1)
        other = logits.scatter(-1, tgt[..., None], -float('inf')).amax(-1)
        margin = (ref - other).masked_fill(tgt_mask == 0, float('inf'))
        per_pair = margin.amin(-1)
        for j, m in zip(idx, per_pair.tolist()):
            if m > 0:
                exact += 1
            else:
                wrong.append(j)
            min_margin = min(min_margin, m)
    model.set_quant_emulation(False)
    model.train()
    return exact, min_margin, wrong


def learning_rate(args, step):
    warm = min(1.0, step / args.warmup)
    progress = min(1.0, max(0, step - args.warmup) / args.decay_steps)
    decay = args.lr_floor + (1 - args.lr_floor) * 0.5 * (1 + math.cos(math.pi * progress))
    return args.lr * warm * decay


def train_until_exact(model, pairs, args, rng, eos_id=0, start_id=None, require_q8=True):
    """Adam with warm-up and cosine decay until greedy decoding reproduces every pair.

    Stops when the float model (and, with ``require_q8``, the int8 emulation)
    reproduces every pair, ``args.check_eos_tail`` more </s> included, with a
    logit margin of at least ``args.margin``, or when ``args.max_minutes`` run
    out.  Returns (epochs, steps, seconds).
    """
    cfg = model.cfg
    check = dict(eos_tail=args.check_eos_tail, eos_id=eos_id, start_id=start_id)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98), eps=1e-9)
    budget = args.max_minutes * 60
    t_train = time.time()
    step, epoch = 0, 0
    done = False
    while not done and time.time() - t_train < budget:
        epoch += 1
        total_loss, total_tok = 0.0, 0
        for idx in batches(pairs, args.batch_size, rng):
            src, src_mask, tgt_in, tgt, tgt_mask = make_batch(pairs, idx, cfg.pad_token_id, args.eos_tail, eos_id,
                                                              start_id=start_id)
            logits = model(src, src_mask, tgt_in)
            loss = F.cross_entropy(logits.reshape(-1, cfg.vocab_size), tgt.reshape(-1),
                                   ignore_index=cfg.pad_token_id, reduction='sum')
            ntok = int(tgt_mask.sum())
            step += 1
            for group in opt.param_groups:
                group['lr'] = learning_rate(args, step)
            opt.zero_grad()
            (loss / ntok).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            total_loss += float(loss)
            total_tok += ntok
        if epoch % 10 == 0:
            fp = evaluate(model, pairs, cfg.pad_token_id, quant=False, **check)
            q8 = (evaluate(model, pairs, cfg.pad_token_id, quant=True, **check)
                  if require_q8 and fp[0] == len(pairs) else (0, float('nan'), []))
            elapsed = time.time() - t_train
            print(f'epoch {epoch:4d} step {step:5d} {elapsed:6.0f}s loss {total_loss / total_tok:.4f} '
                  f'exact fp32 {fp[0]}/{len(pairs)} (margin {fp[1]:.2f}) q8 {q8[0]}/{len(pairs)} (margin {q8[1]:.2f})',
                  flush=True)
            done = fp[0] == len(pairs) and fp[1] >= args.margin
            if require_q8:
                done = done and q8[0] == len(pairs) and q8[1] >= args.margin
    return epoch, step, time.time() - t_train


def warn_if_reference_blas():
    """Debian's torch calls libblas.so.3; the reference BLAS makes training ~8x slower."""
    lib = os.path.realpath('/usr/lib/x86_64-linux-gnu/libblas.so.3')
    if os.path.exists(lib) and not any(k in lib for k in ('openblas', 'blis', 'mkl', 'atlas')):
        print(f'warning: libblas.so.3 is {lib} (reference BLAS); training will be about 8x slower. '
              'Install libopenblas0-pthread (apt-get install libopenblas0-pthread).', flush=True)


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
    print(f'phrasebook: {len(rows)} pairs '
          f'({sum(r[0] == "ar" for r in rows)} ar, {sum(r[0] == "he" for r in rows)} he)')

    work = tempfile.mkdtemp(prefix='targum-tiny-')
    sp = train_sentencepiece([s for _, s, _ in rows] + [e for _, _, e in rows], args.vocab_size, work)
    vocab = vocabulary(sp)
    cfg = MarianConfig(vocab_size=len(vocab), d_model=args.d_model,
                       encoder_layers=args.layers, decoder_layers=args.layers,
                       encoder_attention_heads=args.heads, decoder_attention_heads=args.heads,
                       encoder_ffn_dim=args.ffn, decoder_ffn_dim=args.ffn)
    pairs = [(encode(sp, s), encode(sp, e)) for _, s, e in rows]
    unk = sum(t == cfg.unk_token_id for p in pairs for seq in p for t in seq)
    if unk:
        raise SystemExit(f'{unk} <unk> tokens in the phrasebook: the vocabulary does not cover it')
    print(f'vocabulary: {len(vocab)} ids; tokens: source {sum(len(p[0]) for p in pairs)} '
          f'(max {max(len(p[0]) for p in pairs)}), target {sum(len(p[1]) for p in pairs)} '
          f'(max {max(len(p[1]) for p in pairs)})')

    model = MarianMT(cfg)
    model.train()
    n_params = count_parameters(model)
    print(f'model: d_model {cfg.d_model}, {cfg.encoder_layers}+{cfg.decoder_layers} layers, '
          f'{args.heads} heads, ffn {args.ffn}: {n_params} parameters')
    epoch, step, train_seconds = train_until_exact(model, pairs, args, rng)
    fp = evaluate(model, pairs, cfg.pad_token_id, quant=False)
    q8 = evaluate(model, pairs, cfg.pad_token_id, quant=True)
    print(f'training stopped after {train_seconds:.0f}s, {epoch} epochs, {step} steps: '
          f'exact fp32 {fp[0]}/{len(pairs)} (margin {fp[1]:.2f}), q8 {q8[0]}/{len(pairs)} (margin {q8[1]:.2f})')
    if args.check_eos_tail:
        fp_tail = evaluate(model, pairs, cfg.pad_token_id, quant=False, eos_tail=args.check_eos_tail)
        q8_tail = evaluate(model, pairs, cfg.pad_token_id, quant=True, eos_tail=args.check_eos_tail)
        print(f'  keeping </s> for {args.check_eos_tail} more steps: fp32 {fp_tail[0]}/{len(pairs)}, '
              f'q8 {q8_tail[0]}/{len(pairs)}')
    for j in fp[2][:5]:
        print('  not exact (fp32):', rows[j][1])

    report = {
        'phrasebook_pairs': len(pairs),
        'parameters': n_params,
        'seed': args.seed,
        'train_seconds': round(train_seconds),
        'epochs': epoch,
        'steps': step,
        'exact_fp32_python': fp[0],
        'exact_q8_python': q8[0],
    }
    name = DEMO_ID if args.demo else os.path.basename(os.path.normpath(args.out))
    readme = f"""# {name}

{DEMO_ABOUT if args.demo else TEST_MODEL_ABOUT}

- architecture: d_model {cfg.d_model}, {cfg.encoder_layers} encoder + {cfg.decoder_layers} decoder layers,
  {args.heads} heads, FFN {args.ffn}, shared SentencePiece unigram vocabulary of {cfg.vocab_size} ids
- parameters: {n_params}
- training: seed {args.seed}, {epoch} epochs / {step} steps, {args.threads} CPU thread(s)
- phrasebook pairs reproduced (Python check): fp32 {fp[0]}/{len(pairs)}, int8 {q8[0]}/{len(pairs)}
- after `</s>` it keeps predicting `</s>`, so batched `generate()` output is clean too
  (transformers.js keeps decoding the finished sequences of a batch)
"""
    extra_files = {'README.md': readme}
    if args.demo:
        # Targum reads the id, direction and origin of a model folder from this manifest
        manifest = {'id': DEMO_ID, 'from': ['he', 'ar'], 'to': ['en'], 'family': 'marian', 'source': 'bundled',
                    'license': 'MIT', 'demo': True,
                    'description': 'Demo model: knows only the sample articles'}
        extra_files['targum-model.json'] = json.dumps(manifest, indent=2) + '\n'
    weights = state_dict_numpy(model)
    if args.save_weights:
        np.savez(args.save_weights, **weights)
    sizes = write_folder(args.out, cfg, weights, vocab, name, extra_files=extra_files)
    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(args.out) for f in fs)
    print('wrote', args.out, json.dumps(sizes), f'total {total / 1e6:.2f} MB')
    print('report', json.dumps(report))

    ok = fp[0] == len(pairs) and q8[0] == len(pairs)
    if not args.skip_verify:
        ids_file = os.path.join(work, 'token-ids.json')
        texts = [s for _, s, _ in rows] + [e for _, _, e in rows]
        with open(ids_file, 'w', encoding='utf-8') as f:
            json.dump([{'text': t, 'ids': encode(sp, t)} for t in texts], f, ensure_ascii=False)
        verify = ['node', os.path.join(REPO, 'scripts', 'models', 'verify-model.mjs'), args.out, args.phrasebook]
        # one sentence at a time (as required), then batched: transformers.js keeps
        # decoding finished sequences of a batch, which the </s> tail training covers
        for extra in (['--token-ids', ids_file], ['--batch-size', '8']):
            print('$', ' '.join(verify + extra), flush=True)
            ok = subprocess.run(verify + extra, cwd=REPO).returncode == 0 and ok
    shutil.rmtree(work, ignore_errors=True)
    print(f'total time {time.time() - t_start:.0f}s')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

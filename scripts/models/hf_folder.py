#!/usr/bin/python3
"""SentencePiece vocabulary -> Hugging Face tokenizer files, and the model folder.

Vocabulary layout (as in OPUS-MT): ``</s>`` = 0, ``<unk>`` = 1, SentencePiece
unigram pieces after that, ``<pad>`` = last id (also the decoder start token).
One shared vocabulary serves source and target.

The tokenizer normaliser is NFC + whitespace runs to one space + strip, which
is what SentencePiece sees during training (``normalization_rule_name:
identity`` on text that phrasebook.normalize_text already cleaned), so
transformers.js reproduces the Python token ids.
"""
from __future__ import annotations

import json
import os

import sentencepiece as spm

from export_onnx import export_folder

META = '\u2581'


MARIAN_SPECIAL_IDS = dict(eos_id=0, unk_id=1, bos_id=-1, pad_id=-1, eos_piece='</s>', unk_piece='<unk>')
# NLLB (fairseq) order: <s> 0, <pad> 1, </s> 2, <unk> 3
NLLB_SPECIAL_IDS = dict(bos_id=0, pad_id=1, eos_id=2, unk_id=3,
                        bos_piece='<s>', pad_piece='<pad>', eos_piece='</s>', unk_piece='<unk>')


def train_sentencepiece(texts, vocab_size: int, workdir: str, name: str = 'spm',
                        max_sentence_length: int = 8192, special_ids=None,
                        split_digits: bool = False) -> spm.SentencePieceProcessor:
    """Train a unigram model whose ids put </s> at 0 and <unk> at 1 (or ``special_ids``)."""
    path = os.path.join(workdir, name + '.txt')
    with open(path, 'w', encoding='utf-8') as f:
        for t in texts:
            f.write(t + '\n')
    spm.SentencePieceTrainer.train(
        input=path,
        model_prefix=os.path.join(workdir, name),
        model_type='unigram',
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name='identity',
        add_dummy_prefix=True,
        remove_extra_whitespaces=True,
        split_digits=split_digits,
        byte_fallback=False,
        **(special_ids or MARIAN_SPECIAL_IDS),
        num_threads=1,
        max_sentence_length=max_sentence_length,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    return spm.SentencePieceProcessor(model_file=os.path.join(workdir, name + '.model'))


def vocabulary(sp: spm.SentencePieceProcessor, pad_to: int | None = None) -> list[tuple[str, float]]:
    """[(piece, score)] in id order, with <pad> appended as the last id.

    ``pad_to`` fills the vocabulary with unreachable filler pieces up to that
    size (the random benchmark model uses this to get an OPUS-MT sized
    vocabulary from a small SentencePiece model).
    """
    vocab = []
    for i in range(sp.get_piece_size()):
        piece = sp.id_to_piece(i)
        score = 0.0 if (sp.is_control(i) or sp.is_unknown(i)) else float(sp.get_score(i))
        vocab.append((piece, score))
    assert vocab[0][0] == '</s>' and vocab[1][0] == '<unk>', vocab[:2]
    if pad_to is not None:
        low = min(s for _, s in vocab) - 1.0
        i = 0
        while len(vocab) < pad_to - 1:
            vocab.append((f'<filler_{i}>', low))
            i += 1
    vocab.append(('<pad>', 0.0))
    return vocab


def _added(id_, content):
    return {'id': id_, 'content': content, 'single_word': False, 'lstrip': False,
            'rstrip': False, 'normalized': False, 'special': True}


def tokenizer_json(vocab: list[tuple[str, float]]) -> dict:
    pad = len(vocab) - 1
    meta = {'type': 'Metaspace', 'replacement': META, 'prepend_scheme': 'always', 'split': True}
    return {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [_added(0, '</s>'), _added(1, '<unk>'), _added(pad, '<pad>')],
        'normalizer': {'type': 'Sequence', 'normalizers': [
            {'type': 'NFC'},
            {'type': 'Replace', 'pattern': {'Regex': '\\s+'}, 'content': ' '},
            {'type': 'Strip', 'strip_left': True, 'strip_right': True},
        ]},
        'pre_tokenizer': meta,
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'pair': [{'Sequence': {'id': 'A', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 0}},
                     {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'special_tokens': {'</s>': {'id': '</s>', 'ids': [0], 'tokens': ['</s>']}},
        },
        'decoder': meta,
        'model': {'type': 'Unigram', 'unk_id': 1, 'vocab': [[p, s] for p, s in vocab], 'byte_fallback': False},
    }


def tokenizer_config(vocab_size: int, source_lang: str = 'mul', target_lang: str = 'en') -> dict:
    pad = vocab_size - 1
    return {
        'added_tokens_decoder': {str(t['id']): {k: v for k, v in t.items() if k != 'id'}
                                 for t in (_added(0, '</s>'), _added(1, '<unk>'), _added(pad, '<pad>'))},
        'clean_up_tokenization_spaces': False,
        'eos_token': '</s>',
        'model_max_length': 512,
        'pad_token': '<pad>',
        'separate_vocabs': False,
        'source_lang': source_lang,
        'sp_model_kwargs': {},
        'target_lang': target_lang,
        'tokenizer_class': 'MarianTokenizer',
        'unk_token': '<unk>',
    }


def nllb_vocabulary(sp: spm.SentencePieceProcessor, language_codes: list[str]) -> list[tuple[str, float]]:
    """NLLB layout: <s> <pad> </s> <unk>, the pieces, the language codes, <mask>."""
    vocab = []
    for i in range(sp.get_piece_size()):
        score = 0.0 if (sp.is_control(i) or sp.is_unknown(i)) else float(sp.get_score(i))
        vocab.append((sp.id_to_piece(i), score))
    assert [p for p, _ in vocab[:4]] == ['<s>', '<pad>', '</s>', '<unk>'], vocab[:4]
    return vocab + [(code, 0.0) for code in language_codes] + [('<mask>', 0.0)]


def nllb_tokenizer_files(vocab: list[tuple[str, float]], language_codes: list[str], src_lang: str) -> dict:
    """tokenizer.json, tokenizer_config.json and special_tokens_map.json as an NLLB-200 folder has them.

    transformers.js (NllbTokenizer) takes as language codes the special tokens
    that look like ``xxx_Yyyy``; for translation it puts ``src_lang`` where the
    post-processor template has a language code (``<src_lang> $A </s>``,
    NLLB's non-legacy order) and forces ``tgt_lang`` as the first generated
    token (``forced_bos_token_id``).
    """
    ids = {p: i for i, (p, _) in enumerate(vocab)}
    specials = ['<s>', '<pad>', '</s>', '<unk>'] + language_codes + ['<mask>']
    added = [_added(ids[t], t) for t in specials]
    for t in added:
        if t['content'] == '<mask>':
            t['lstrip'] = True
    meta = {'type': 'Metaspace', 'replacement': META, 'prepend_scheme': 'always', 'split': True}
    tokenizer = {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': added,
        'normalizer': {'type': 'Sequence', 'normalizers': [
            {'type': 'NFC'},
            {'type': 'Replace', 'pattern': {'Regex': '\\s+'}, 'content': ' '},
            {'type': 'Strip', 'strip_left': True, 'strip_right': True},
        ]},
        'pre_tokenizer': meta,
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': {'id': src_lang, 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                       {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'pair': [{'SpecialToken': {'id': src_lang, 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                     {'Sequence': {'id': 'B', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
            'special_tokens': {t: {'id': t, 'ids': [ids[t]], 'tokens': [t]} for t in (src_lang, '</s>')},
        },
        'decoder': meta,
        'model': {'type': 'Unigram', 'unk_id': ids['<unk>'], 'vocab': [[p, s] for p, s in vocab], 'byte_fallback': False},
    }
    config = {
        'added_tokens_decoder': {str(t['id']): {k: v for k, v in t.items() if k != 'id'} for t in added},
        'additional_special_tokens': list(language_codes),
        'bos_token': '<s>',
        'clean_up_tokenization_spaces': True,
        'cls_token': '<s>',
        'eos_token': '</s>',
        'legacy_behaviour': False,
        'mask_token': '<mask>',
        'model_max_length': 1024,
        'pad_token': '<pad>',
        'sep_token': '</s>',
        'sp_model_kwargs': {},
        'src_lang': src_lang,
        'tgt_lang': None,
        'tokenizer_class': 'NllbTokenizer',
        'unk_token': '<unk>',
    }
    special_map = {'additional_special_tokens': list(language_codes), 'bos_token': '<s>', 'cls_token': '<s>',
                   'eos_token': '</s>', 'mask_token': '<mask>', 'pad_token': '<pad>', 'sep_token': '</s>',
                   'unk_token': '<unk>'}
    return {'tokenizer.json': tokenizer, 'tokenizer_config.json': config, 'special_tokens_map.json': special_map}


def _dump(obj, path):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write('\n')


def write_folder(out_dir: str, cfg, weights: dict, vocab: list[tuple[str, float]], name: str,
                 extra_files: dict | None = None, graphs_class=None) -> dict:
    """Write config/tokenizer JSON and the four ONNX files (graphs from graphs_class when given); returns file sizes."""
    assert len(vocab) == cfg.vocab_size
    os.makedirs(out_dir, exist_ok=True)
    hf = cfg.hf_config(name)
    _dump(hf, os.path.join(out_dir, 'config.json'))
    _dump(cfg.generation_config(), os.path.join(out_dir, 'generation_config.json'))
    _dump(tokenizer_config(cfg.vocab_size), os.path.join(out_dir, 'tokenizer_config.json'))
    _dump({'eos_token': '</s>', 'unk_token': '<unk>', 'pad_token': '<pad>'},
          os.path.join(out_dir, 'special_tokens_map.json'))
    with open(os.path.join(out_dir, 'tokenizer.json'), 'w', encoding='utf-8') as f:
        json.dump(tokenizer_json(vocab), f, ensure_ascii=False, separators=(',', ':'))
    for fname, content in (extra_files or {}).items():
        with open(os.path.join(out_dir, fname), 'w', encoding='utf-8') as f:
            f.write(content)
    return export_folder(weights, hf, out_dir, **({'graphs_class': graphs_class} if graphs_class else {}))


def encode(sp: spm.SentencePieceProcessor, text: str) -> list[int]:
    """Token ids as the tokenizer.json produces them, with the trailing </s>."""
    return sp.encode(text, out_type=int) + [0]

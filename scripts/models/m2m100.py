#!/usr/bin/python3
"""An M2M100 / NLLB-200 encoder-decoder in plain PyTorch.

It follows Hugging Face's M2M100ForConditionalGeneration (which NLLB-200
checkpoints use, ``model_type: m2m_100``) where it differs from Marian
(marian.py, whose attention, int8 emulation and parameter names it reuses):

* pre-layer-norm blocks (``h + f(LN(h))``) and a final layer norm after the
  encoder stack and after the decoder stack (``model.encoder.layer_norm``,
  ``model.decoder.layer_norm``);
* ReLU in the feed-forward blocks;
* token embeddings scaled by sqrt(d_model) (``scale_embedding: true``);
* sinusoidal positions computed from the token ids, fairseq style: position
  ``padding_idx + 1 + (number of non-pad tokens so far) + past length``, so
  the first token sits at 2 (the "offset of 2"); pad tokens get a zero
  vector.  The table uses ``exp(-log(10000) * j / (half - 1))`` frequencies
  (Marian uses ``10000 ** (-2j / dim)``), first half sin, second half cos;
* an LM head tied to the shared embedding, without ``final_logits_bias``.

Ids follow NLLB: ``<s>`` 0, ``<pad>`` 1, ``</s>`` 2, ``<unk>`` 3.  The decoder
starts with ``</s>`` (``decoder_start_token_id`` 2) and the first generated
token is the target language code (``forced_bos_token_id``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

import marian
from marian import NEG_INF, Attention, QLinear, _fake_quant_activation, fake_quant_weight

BOS, PAD, EOS, UNK = 0, 1, 2, 3


@dataclass
class M2M100Config:
    vocab_size: int
    d_model: int = 64
    encoder_layers: int = 2
    decoder_layers: int = 2
    encoder_attention_heads: int = 4
    decoder_attention_heads: int = 4
    encoder_ffn_dim: int = 256
    decoder_ffn_dim: int = 256
    max_position_embeddings: int = 1024
    dropout: float = 0.0
    layer_norm_eps: float = 1e-5

    pad_token_id = PAD
    eos_token_id = EOS
    unk_token_id = UNK
    decoder_start_token_id = EOS

    def hf_config(self, name_or_path: str = '') -> dict:
        """config.json as facebook/nllb-200-distilled-600M has it, at this size."""
        return {
            '_name_or_path': name_or_path,
            'activation_dropout': 0.0,
            'activation_function': 'relu',
            'architectures': ['M2M100ForConditionalGeneration'],
            'attention_dropout': 0.1,
            'bos_token_id': BOS,
            'd_model': self.d_model,
            'decoder_attention_heads': self.decoder_attention_heads,
            'decoder_ffn_dim': self.decoder_ffn_dim,
            'decoder_layerdrop': 0,
            'decoder_layers': self.decoder_layers,
            'decoder_start_token_id': EOS,
            'dropout': 0.1,
            'encoder_attention_heads': self.encoder_attention_heads,
            'encoder_ffn_dim': self.encoder_ffn_dim,
            'encoder_layerdrop': 0,
            'encoder_layers': self.encoder_layers,
            'eos_token_id': EOS,
            'init_std': 0.02,
            'is_encoder_decoder': True,
            'max_length': 200,
            'max_position_embeddings': self.max_position_embeddings,
            'model_type': 'm2m_100',
            'num_hidden_layers': self.encoder_layers,
            'pad_token_id': PAD,
            'scale_embedding': True,
            'tokenizer_class': 'NllbTokenizer',
            'torch_dtype': 'float32',
            'transformers_version': '4.40.0',
            'use_cache': True,
            'vocab_size': self.vocab_size,
        }

    def generation_config(self) -> dict:
        return {
            'bos_token_id': BOS,
            'decoder_start_token_id': EOS,
            'eos_token_id': EOS,
            'max_length': 200,
            'pad_token_id': PAD,
            'transformers_version': '4.40.0',
        }


def position_ids(ids: torch.Tensor, past: int = 0) -> torch.Tensor:
    """create_position_ids_from_input_ids: pad -> padding_idx, else padding_idx + count + past."""
    mask = (ids != PAD).long()
    return (torch.cumsum(mask, dim=1) + past) * mask + PAD


def sinusoidal_positions(pos: torch.Tensor, dim: int) -> torch.Tensor:
    """M2M100SinusoidalPositionalEmbedding rows for position ids [B, T] -> [B, T, dim]."""
    half = dim // 2
    freq = torch.exp(torch.arange(half, dtype=torch.float32) * -(math.log(10000.0) / (half - 1)))
    angles = pos.to(torch.float32)[..., None] * freq
    emb = torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1)
    return emb * (pos != PAD).to(torch.float32)[..., None]


class EncoderLayer(nn.Module):
    def __init__(self, cfg: M2M100Config):
        super().__init__()
        self.self_attn = Attention(cfg.d_model, cfg.encoder_attention_heads, 'sample', 'sample')
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.fc1 = QLinear(cfg.d_model, cfg.encoder_ffn_dim)
        self.fc2 = QLinear(cfg.encoder_ffn_dim, cfg.d_model)
        self.fc1.qmode = self.fc2.qmode = 'sample'
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)

    def forward(self, h, bias):
        x = self.self_attn_layer_norm(h)
        h = h + self.self_attn(x, x, bias)
        return h + self.fc2(F.relu(self.fc1(self.final_layer_norm(h))))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: M2M100Config):
        super().__init__()
        self.self_attn = Attention(cfg.d_model, cfg.decoder_attention_heads, 'row', 'row')
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.encoder_attn = Attention(cfg.d_model, cfg.decoder_attention_heads, 'row', 'sample')
        self.encoder_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.fc1 = QLinear(cfg.d_model, cfg.decoder_ffn_dim)
        self.fc2 = QLinear(cfg.decoder_ffn_dim, cfg.d_model)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)

    def forward(self, h, self_bias, enc, enc_bias):
        x = self.self_attn_layer_norm(h)
        h = h + self.self_attn(x, x, self_bias)
        h = h + self.encoder_attn(self.encoder_attn_layer_norm(h), enc, enc_bias)
        return h + self.fc2(F.relu(self.fc1(self.final_layer_norm(h))))


class Stack(nn.Module):
    def __init__(self, layers, d_model, eps):
        super().__init__()
        self.layers = nn.ModuleList(layers)
        self.layer_norm = nn.LayerNorm(d_model, eps=eps)


class _Model(nn.Module):
    def __init__(self, cfg: M2M100Config):
        super().__init__()
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.encoder = Stack([EncoderLayer(cfg) for _ in range(cfg.encoder_layers)], cfg.d_model, cfg.layer_norm_eps)
        self.decoder = Stack([DecoderLayer(cfg) for _ in range(cfg.decoder_layers)], cfg.d_model, cfg.layer_norm_eps)


class M2M100(nn.Module):
    """Same interface as marian.MarianMT (encode/decode/forward/set_quant_emulation)."""

    def __init__(self, cfg: M2M100Config):
        super().__init__()
        self.cfg = cfg
        self.model = _Model(cfg)
        self.embed_scale = math.sqrt(cfg.d_model)
        self.quant_emulation = False
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=0.02)
        with torch.no_grad():
            self.model.shared.weight[PAD].zero_()

    set_quant_emulation = marian.MarianMT.set_quant_emulation
    _embedding_matrix = marian.MarianMT._embedding_matrix

    def embed(self, ids, past: int = 0):
        e = F.embedding(ids, self._embedding_matrix()) * self.embed_scale
        return e + sinusoidal_positions(position_ids(ids, past), self.cfg.d_model)

    def encode(self, src_ids, src_mask):
        marian._SAMPLE_MASK = src_mask
        bias = (1.0 - src_mask[:, None, None, :].to(torch.float32)) * NEG_INF
        h = self.embed(src_ids)
        for layer in self.model.encoder.layers:
            h = layer(h, bias)
        return self.model.encoder.layer_norm(h)

    def decode(self, tgt_in, enc, src_mask):
        marian._SAMPLE_MASK = src_mask
        t = tgt_in.shape[1]
        causal = torch.triu(torch.full((t, t), NEG_INF), diagonal=1)
        enc_bias = (1.0 - src_mask[:, None, None, :].to(torch.float32)) * NEG_INF
        h = self.embed(tgt_in)
        for layer in self.model.decoder.layers:
            h = layer(h, causal, enc, enc_bias)
        h = self.model.decoder.layer_norm(h)
        if self.quant_emulation:
            h = _fake_quant_activation(h, 'row')
        return F.linear(h, self._embedding_matrix())

    def forward(self, src_ids, src_mask, tgt_in):
        return self.decode(tgt_in, self.encode(src_ids, src_mask), src_mask)


__all__ = ['M2M100', 'M2M100Config', 'fake_quant_weight', 'BOS', 'PAD', 'EOS', 'UNK']

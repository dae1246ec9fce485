#!/usr/bin/python3
"""A Marian (OPUS-MT) encoder-decoder in plain PyTorch.

It follows Hugging Face's MarianMTModel exactly where it matters for export:

* shared token embedding for encoder, decoder and LM head (tied), plus a
  ``final_logits_bias`` added to the logits;
* token embeddings scaled by sqrt(d_model) (``scale_embedding: true``);
* sinusoidal positions (first half sin, second half cos), starting at 0 in
  the encoder and at the past length in the decoder;
* post-layer-norm blocks (``normalize_before: false``), no final layer norm,
  no embedding layer norm;
* attention with biased q/k/v/out projections, queries scaled by
  head_dim ** -0.5; activation ``swish`` (SiLU) in the feed-forward blocks.

Parameter names mirror the Hugging Face checkpoint layout
(``model.encoder.layers.0.self_attn.q_proj.weight`` ...), and
:func:`state_dict_numpy` gives them as numpy arrays for ``export_onnx.py``.

``MarianMT.quant_emulation = True`` makes every weight matmul (and the
embedding lookup) behave like the int8 ONNX graphs that export_onnx.py writes
(dynamic uint8 activations per tensor, symmetric int8 weights per output
channel), so the training script can check the quantised model before export.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class MarianConfig:
    vocab_size: int
    d_model: int = 512
    encoder_layers: int = 6
    decoder_layers: int = 6
    encoder_attention_heads: int = 8
    decoder_attention_heads: int = 8
    encoder_ffn_dim: int = 2048
    decoder_ffn_dim: int = 2048
    max_position_embeddings: int = 512
    activation_function: str = 'swish'
    layer_norm_eps: float = 1e-5
    dropout: float = 0.0

    @property
    def pad_token_id(self) -> int:
        return self.vocab_size - 1

    @property
    def eos_token_id(self) -> int:
        return 0

    @property
    def unk_token_id(self) -> int:
        return 1

    def hf_config(self, name_or_path: str = '') -> dict:
        """config.json as written by transformers for an OPUS-MT checkpoint."""
        pad = self.pad_token_id
        return {
            '_name_or_path': name_or_path,
            'activation_dropout': 0.0,
            'activation_function': self.activation_function,
            'add_bias_logits': False,
            'add_final_layer_norm': False,
            'architectures': ['MarianMTModel'],
            'attention_dropout': 0.0,
            'bad_words_ids': [[pad]],
            'bos_token_id': 0,
            'classif_dropout': 0.0,
            'classifier_dropout': 0.0,
            'd_model': self.d_model,
            'decoder_attention_heads': self.decoder_attention_heads,
            'decoder_ffn_dim': self.decoder_ffn_dim,
            'decoder_layerdrop': 0.0,
            'decoder_layers': self.decoder_layers,
            'decoder_start_token_id': pad,
            'decoder_vocab_size': self.vocab_size,
            'dropout': 0.1,
            'encoder_attention_heads': self.encoder_attention_heads,
            'encoder_ffn_dim': self.encoder_ffn_dim,
            'encoder_layerdrop': 0.0,
            'encoder_layers': self.encoder_layers,
            'eos_token_id': 0,
            'extra_pos_embeddings': self.vocab_size,
            'forced_eos_token_id': 0,
            'init_std': 0.02,
            'is_encoder_decoder': True,
            'max_length': 512,
            'max_position_embeddings': self.max_position_embeddings,
            'model_type': 'marian',
            'normalize_before': False,
            'normalize_embedding': False,
            'num_beams': 1,
            'num_hidden_layers': self.encoder_layers,
            'pad_token_id': pad,
            'scale_embedding': True,
            'share_encoder_decoder_embeddings': True,
            'static_position_embeddings': True,
            'tie_word_embeddings': True,
            'transformers_version': '4.40.0',
            'use_cache': True,
            'vocab_size': self.vocab_size,
        }

    def generation_config(self) -> dict:
        pad = self.pad_token_id
        return {
            'bad_words_ids': [[pad]],
            'bos_token_id': 0,
            'decoder_start_token_id': pad,
            'eos_token_id': 0,
            'forced_eos_token_id': 0,
            'max_length': 512,
            'num_beams': 1,
            'pad_token_id': pad,
            'transformers_version': '4.40.0',
        }

    def to_dict(self) -> dict:
        return asdict(self)


def sinusoidal_positions(positions: torch.Tensor, dim: int) -> torch.Tensor:
    """Marian's static sinusoidal embedding for the given positions.

    out[p, :dim/2] = sin(p * 10000^(-2j/dim)), out[p, dim/2:] = cos(...), as
    MarianSinusoidalPositionalEmbedding builds its table.
    """
    assert dim % 2 == 0
    inv_freq = torch.pow(10000.0, -torch.arange(0, dim, 2, dtype=torch.float32) / dim)
    angles = positions.to(torch.float32)[:, None] * inv_freq[None, :]
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=-1)


# ---------------------------------------------------------------------------
# int8 emulation (mirrors export_onnx.quantize_model)

# Rows that are padding in the current batch (1 = real token), consulted by the
# per-sentence activation quantiser so that batched emulation matches running
# one sentence at a time.  Set by MarianMT.encode/decode.
_SAMPLE_MASK = None


def _fake_quant_activation(x: torch.Tensor, mode: str = 'row') -> torch.Tensor:
    """DynamicQuantizeLinear: uint8 with one scale per tensor, range including 0.

    In the exported graphs a tensor is one sentence in the encoder (and for the
    cross-attention keys/values) but a single token in the decoder, which runs
    one step at a time.  ``mode='sample'`` takes the range per sentence (padding
    rows ignored), ``mode='row'`` per token.
    """
    xd = x.detach()
    if mode == 'row':
        lo = xd.amin(dim=-1, keepdim=True)
        hi = xd.amax(dim=-1, keepdim=True)
    else:
        if _SAMPLE_MASK is not None:
            xd = xd * _SAMPLE_MASK[:, :, None].to(xd.dtype)
        lo = xd.amin(dim=(1, 2), keepdim=True)
        hi = xd.amax(dim=(1, 2), keepdim=True)
    lo = torch.clamp(lo, max=0.0)
    hi = torch.clamp(hi, min=0.0)
    scale = (hi - lo) / 255.0
    scale = torch.where(scale == 0, torch.ones_like(scale), scale)
    zp = torch.clamp(torch.round(-lo / scale), 0, 255)
    q = torch.clamp(torch.round(x / scale) + zp, 0, 255)
    deq = (q - zp) * scale
    # straight-through estimator so quantisation-aware fine-tuning works
    return x + (deq - x).detach()


def fake_quant_weight(w: torch.Tensor, axis: int) -> torch.Tensor:
    """Symmetric int8 per channel along ``axis`` (the output channel)."""
    reduce_dims = [d for d in range(w.dim()) if d != axis]
    amax = w.detach().abs().amax(dim=reduce_dims, keepdim=True)
    scale = torch.where(amax == 0, torch.ones_like(amax), amax / 127.0)
    q = torch.clamp(torch.round(w / scale), -127, 127)
    deq = q * scale
    return w + (deq - w).detach()


class QLinear(nn.Linear):
    quant = False
    qmode = 'row'

    def forward(self, x):
        if not self.quant:
            return F.linear(x, self.weight, self.bias)
        # torch weight is [out, in]: the output channel is axis 0
        return F.linear(_fake_quant_activation(x, self.qmode), fake_quant_weight(self.weight, 0), self.bias)


class Attention(nn.Module):
    def __init__(self, d_model: int, heads: int, q_mode: str, kv_mode: str):
        super().__init__()
        assert d_model % heads == 0
        self.heads = heads
        self.head_dim = d_model // heads
        self.scaling = self.head_dim ** -0.5
        self.q_proj = QLinear(d_model, d_model)
        self.k_proj = QLinear(d_model, d_model)
        self.v_proj = QLinear(d_model, d_model)
        self.out_proj = QLinear(d_model, d_model)
        self.q_proj.qmode = self.out_proj.qmode = q_mode
        self.k_proj.qmode = self.v_proj.qmode = kv_mode

    def _shape(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, kv, bias):
        """x: [B,T,d] queries, kv: [B,S,d] keys/values, bias: broadcastable to [B,H,T,S]."""
        q = self._shape(self.q_proj(x) * self.scaling)
        k = self._shape(self.k_proj(kv))
        v = self._shape(self.v_proj(kv))
        scores = torch.matmul(q, k.transpose(-1, -2)) + bias
        probs = torch.softmax(scores, dim=-1)
        out = torch.matmul(probs, v).transpose(1, 2).reshape(x.shape[0], x.shape[1], -1)
        return self.out_proj(out)


class EncoderLayer(nn.Module):
    def __init__(self, cfg: MarianConfig):
        super().__init__()
        self.self_attn = Attention(cfg.d_model, cfg.encoder_attention_heads, 'sample', 'sample')
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.fc1 = QLinear(cfg.d_model, cfg.encoder_ffn_dim)
        self.fc2 = QLinear(cfg.encoder_ffn_dim, cfg.d_model)
        self.fc1.qmode = self.fc2.qmode = 'sample'
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.dropout = cfg.dropout

    def forward(self, h, bias):
        h = self.self_attn_layer_norm(h + F.dropout(self.self_attn(h, h, bias), self.dropout, self.training))
        ff = self.fc2(F.silu(self.fc1(h)))
        return self.final_layer_norm(h + F.dropout(ff, self.dropout, self.training))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: MarianConfig):
        super().__init__()
        self.self_attn = Attention(cfg.d_model, cfg.decoder_attention_heads, 'row', 'row')
        self.self_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.encoder_attn = Attention(cfg.d_model, cfg.decoder_attention_heads, 'row', 'sample')
        self.encoder_attn_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.fc1 = QLinear(cfg.d_model, cfg.decoder_ffn_dim)
        self.fc2 = QLinear(cfg.decoder_ffn_dim, cfg.d_model)
        self.final_layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.layer_norm_eps)
        self.dropout = cfg.dropout

    def forward(self, h, self_bias, enc, enc_bias):
        h = self.self_attn_layer_norm(h + F.dropout(self.self_attn(h, h, self_bias), self.dropout, self.training))
        h = self.encoder_attn_layer_norm(h + F.dropout(self.encoder_attn(h, enc, enc_bias), self.dropout, self.training))
        ff = self.fc2(F.silu(self.fc1(h)))
        return self.final_layer_norm(h + F.dropout(ff, self.dropout, self.training))


class Stack(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)


class _Model(nn.Module):
    def __init__(self, cfg: MarianConfig):
        super().__init__()
        self.shared = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.encoder = Stack([EncoderLayer(cfg) for _ in range(cfg.encoder_layers)])
        self.decoder = Stack([DecoderLayer(cfg) for _ in range(cfg.decoder_layers)])


NEG_INF = -1e9


class MarianMT(nn.Module):
    def __init__(self, cfg: MarianConfig):
        super().__init__()
        self.cfg = cfg
        self.model = _Model(cfg)
        self.register_buffer('final_logits_bias', torch.zeros(1, cfg.vocab_size))
        self.embed_scale = math.sqrt(cfg.d_model)
        self.quant_emulation = False
        self.reset_parameters()

    def reset_parameters(self, std: float = 0.02):
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=std)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=std)
            elif isinstance(m, nn.LayerNorm):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
        with torch.no_grad():
            self.model.shared.weight[self.cfg.pad_token_id].zero_()

    def set_quant_emulation(self, on: bool):
        self.quant_emulation = on
        for m in self.modules():
            if isinstance(m, QLinear):
                m.quant = on

    def _embedding_matrix(self):
        w = self.model.shared.weight
        # the int8 graphs store the embedding per row (= per lm_head output channel)
        return fake_quant_weight(w, 0) if self.quant_emulation else w

    def embed(self, ids, start: int = 0):
        e = F.embedding(ids, self._embedding_matrix()) * self.embed_scale
        pos = sinusoidal_positions(torch.arange(start, start + ids.shape[1]), self.cfg.d_model)
        return F.dropout(e + pos[None], self.cfg.dropout, self.training)

    def encode(self, src_ids, src_mask):
        global _SAMPLE_MASK
        _SAMPLE_MASK = src_mask
        bias = (1.0 - src_mask[:, None, None, :].to(torch.float32)) * NEG_INF
        h = self.embed(src_ids)
        for layer in self.model.encoder.layers:
            h = layer(h, bias)
        return h

    def decode(self, tgt_in, enc, src_mask):
        global _SAMPLE_MASK
        _SAMPLE_MASK = src_mask
        t = tgt_in.shape[1]
        causal = torch.triu(torch.full((t, t), NEG_INF), diagonal=1)
        enc_bias = (1.0 - src_mask[:, None, None, :].to(torch.float32)) * NEG_INF
        h = self.embed(tgt_in)
        for layer in self.model.decoder.layers:
            h = layer(h, causal, enc, enc_bias)
        w = self._embedding_matrix()
        if self.quant_emulation:
            h = _fake_quant_activation(h, 'row')
        return F.linear(h, w) + self.final_logits_bias

    def forward(self, src_ids, src_mask, tgt_in):
        return self.decode(tgt_in, self.encode(src_ids, src_mask), src_mask)

    @torch.no_grad()
    def greedy(self, src_ids, src_mask, max_new_tokens: int = 256):
        """Plain greedy decoding (recomputes the prefix; fine for small models)."""
        enc = self.encode(src_ids, src_mask)
        b = src_ids.shape[0]
        out = torch.full((b, 1), self.cfg.pad_token_id, dtype=torch.long)
        done = torch.zeros(b, dtype=torch.bool)
        for _ in range(max_new_tokens):
            logits = self.decode(out, enc, src_mask)[:, -1]
            logits[:, self.cfg.pad_token_id] = -float('inf')
            nxt = logits.argmax(-1)
            nxt = torch.where(done, torch.full_like(nxt, self.cfg.pad_token_id), nxt)
            out = torch.cat([out, nxt[:, None]], dim=1)
            done |= nxt == self.cfg.eos_token_id
            if bool(done.all()):
                break
        return out[:, 1:]


def state_dict_numpy(model: MarianMT) -> dict:
    return {k: v.detach().cpu().numpy().copy() for k, v in model.state_dict().items()}


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())

#!/usr/bin/python3
"""Write Marian weights as the ONNX files transformers.js loads, and quantise them.

The graphs are built node by node with ``onnx.helper`` from a numpy state dict
named like the Hugging Face checkpoint (see marian.py), so no exporter and no
onnxruntime is needed on the Python side.

``onnx/encoder_model.onnx``
    inputs ``input_ids``, ``attention_mask`` (int64, [batch_size,
    encoder_sequence_length]) -> ``last_hidden_state``.
``onnx/decoder_model_merged.onnx``
    inputs ``input_ids``, ``encoder_attention_mask``, ``encoder_hidden_states``
    and ``past_key_values.{i}.decoder.key|value``,
    ``past_key_values.{i}.encoder.key|value`` -> ``logits`` and
    ``present.{i}.decoder.key|value``, ``present.{i}.encoder.key|value``.

One decoder graph serves the first step and the cached steps without an If
node: self-attention keys/values are appended to the past, and cross-attention
keys/values are projected only for the encoder positions the past does not
hold yet (``encoder_hidden_states[:, past_len:]``), which is every position
when transformers.js passes an empty past at the first step and none later.
Past inputs have a batch dimension named ``batch_size`` and fixed head counts
and head sizes, so transformers.js can build the empty first-step past from
the session's input metadata.

``quantize_model`` turns a float graph into the ``*_quantized.onnx`` variant
that transformers.js loads for ``dtype: 'q8'``: every MatMul with a constant
weight becomes DynamicQuantizeLinear + MatMulInteger (uint8 activations per
tensor, symmetric int8 weights per output channel), and the embedding Gather
reads an int8 table with one scale per row (the same table feeds the tied LM
head).
"""
from __future__ import annotations

import math
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization
NEG_INF = -1e9
INT64_MAX = np.iinfo(np.int64).max


class GraphBuilder:
    def __init__(self):
        self.nodes = []
        self.initializers = {}
        self.counter = 0

    def name(self, base: str) -> str:
        self.counter += 1
        return f'{base}_{self.counter}'

    def const(self, name: str, value) -> str:
        if name not in self.initializers:
            self.initializers[name] = numpy_helper.from_array(np.asarray(value), name)
        return name

    def op(self, op_type: str, inputs, outputs=None, n_out: int = 1, **attrs):
        if outputs is None:
            outputs = [self.name(f'/{op_type}') for _ in range(n_out)]
        elif isinstance(outputs, str):
            outputs = [outputs]
        self.nodes.append(helper.make_node(op_type, list(inputs), outputs, name=self.name(op_type), **attrs))
        return outputs[0] if len(outputs) == 1 else outputs


class MarianGraphs:
    family = 'marian'

    def __init__(self, weights: dict, cfg: dict):
        self.w = weights
        self.d = cfg['d_model']
        self.vocab = cfg['vocab_size']
        self.enc_layers = cfg['encoder_layers']
        self.dec_layers = cfg['decoder_layers']
        self.enc_heads = cfg['encoder_attention_heads']
        self.dec_heads = cfg['decoder_attention_heads']
        self.eps = 1e-5

    # -- helpers ------------------------------------------------------------
    def _param(self, g: GraphBuilder, key: str, transpose: bool = False) -> str:
        arr = np.asarray(self.w[key], dtype=np.float32)
        name = key
        if transpose:  # torch Linear stores [out, in]; MatMul wants [in, out]
            arr = np.ascontiguousarray(arr.T)
            name = key + '.T'
        return g.const(name, arr)

    def _linear(self, g, x, prefix):
        y = g.op('MatMul', [x, self._param(g, prefix + '.weight', transpose=True)])
        return g.op('Add', [y, self._param(g, prefix + '.bias')])

    def _layer_norm(self, g, x, prefix):
        return g.op('LayerNormalization', [x, self._param(g, prefix + '.weight'), self._param(g, prefix + '.bias')],
                    axis=-1, epsilon=self.eps)

    def _heads(self, g, x, heads):
        """[B, T, d] -> [B, H, T, Dh]"""
        shape = g.const(f'shape_heads_{heads}', np.array([0, 0, heads, self.d // heads], dtype=np.int64))
        return g.op('Transpose', [g.op('Reshape', [x, shape])], perm=[0, 2, 1, 3])

    def _merge_heads(self, g, x):
        """[B, H, T, Dh] -> [B, T, d]"""
        shape = g.const('shape_merge', np.array([0, 0, self.d], dtype=np.int64))
        return g.op('Reshape', [g.op('Transpose', [x], perm=[0, 2, 1, 3]), shape])

    def _attend(self, g, q, k, v, bias, prefix):
        scores = g.op('MatMul', [q, g.op('Transpose', [k], perm=[0, 1, 3, 2])])
        probs = g.op('Softmax', [g.op('Add', [scores, bias])], axis=-1)
        return self._linear(g, self._merge_heads(g, g.op('MatMul', [probs, v])), prefix + '.out_proj')

    def _query(self, g, x, prefix, heads):
        scaling = g.const(f'attn_scaling_{heads}', np.array((self.d // heads) ** -0.5, dtype=np.float32))
        return self._heads(g, g.op('Mul', [self._linear(g, x, prefix + '.q_proj'), scaling]), heads)

    def _ffn(self, g, x, prefix):
        h = self._linear(g, x, prefix + '.fc1')
        h = g.op('Mul', [h, g.op('Sigmoid', [h])])  # swish / SiLU
        return self._linear(g, h, prefix + '.fc2')

    def _block(self, g, h, sublayer, norm):
        """Residual sub-layer, post-layer-norm as in Marian: LN(h + f(h))."""
        return self._layer_norm(g, g.op('Add', [h, sublayer(h)]), norm)

    def _stack_output(self, g, h, prefix):
        """Marian has no layer norm after the encoder or decoder stack."""
        return h

    def _positions(self, g, start, length):
        """Sinusoidal embeddings for positions start .. start+length-1 -> [T, d]."""
        one = g.const('int64_one', np.array(1, dtype=np.int64))
        end = g.op('Add', [start, length])
        pos = g.op('Cast', [g.op('Range', [start, end, one])], to=TensorProto.FLOAT)
        inv_freq = np.power(10000.0, -np.arange(0, self.d, 2, dtype=np.float64) / self.d).astype(np.float32)
        angles = g.op('Mul', [g.op('Unsqueeze', [pos, g.const('axes_1', np.array([1], dtype=np.int64))]),
                              g.const('inv_freq', inv_freq[None, :])])
        return g.op('Concat', [g.op('Sin', [angles]), g.op('Cos', [angles])], axis=1)

    def _embed(self, g, ids, start, length):
        emb = g.op('Gather', [self._param(g, 'model.shared.weight'), ids], axis=0)
        emb = g.op('Mul', [emb, g.const('embed_scale', np.array(math.sqrt(self.d), dtype=np.float32))])
        return g.op('Add', [emb, self._positions(g, start, length)])

    def _mask_bias(self, g, mask):
        """int64 [B, S] (1 = token) -> additive float bias [B, 1, 1, S]."""
        m = g.op('Cast', [mask], to=TensorProto.FLOAT)
        inv = g.op('Sub', [g.const('float_one', np.array(1.0, dtype=np.float32)), m])
        bias = g.op('Mul', [inv, g.const('neg_inf', np.array(NEG_INF, dtype=np.float32))])
        return g.op('Unsqueeze', [bias, g.const('axes_1_2', np.array([1, 2], dtype=np.int64))])

    def _dim(self, g, x, axis):
        """Size of ``x`` along ``axis`` as an int64 scalar."""
        return g.op('Gather', [g.op('Shape', [x]), g.const(f'index_{axis}', np.array(axis, dtype=np.int64))], axis=0)

    # -- encoder ------------------------------------------------------------
    def encoder(self) -> onnx.ModelProto:
        g = GraphBuilder()
        zero = g.const('int64_zero', np.array(0, dtype=np.int64))
        h = self._embed(g, 'input_ids', zero, self._dim(g, 'input_ids', 1))
        bias = self._mask_bias(g, 'attention_mask')
        for i in range(self.enc_layers):
            p = f'model.encoder.layers.{i}'

            def self_attn(x, p=p):
                q = self._query(g, x, p + '.self_attn', self.enc_heads)
                k = self._heads(g, self._linear(g, x, p + '.self_attn.k_proj'), self.enc_heads)
                v = self._heads(g, self._linear(g, x, p + '.self_attn.v_proj'), self.enc_heads)
                return self._attend(g, q, k, v, bias, p + '.self_attn')
            h = self._block(g, h, self_attn, p + '.self_attn_layer_norm')
            h = self._block(g, h, lambda x, p=p: self._ffn(g, x, p), p + '.final_layer_norm')
        g.op('Identity', [self._stack_output(g, h, 'model.encoder')], outputs='last_hidden_state')
        inputs = [
            helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch_size', 'encoder_sequence_length']),
            helper.make_tensor_value_info('attention_mask', TensorProto.INT64, ['batch_size', 'encoder_sequence_length']),
        ]
        outputs = [helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT,
                                                 ['batch_size', 'encoder_sequence_length', self.d])]
        return self._model(g, f'{self.family}_encoder', inputs, outputs)

    # -- decoder ------------------------------------------------------------
    def decoder(self) -> onnx.ModelProto:
        g = GraphBuilder()
        heads, dh = self.dec_heads, self.d // self.dec_heads
        past_len = self._dim(g, 'past_key_values.0.decoder.key', 2)
        cur_len = self._dim(g, 'input_ids', 1)
        h = self._embed(g, 'input_ids', past_len, cur_len)

        # causal bias [T, P+T]: key position j is hidden from query P+i when j > P+i
        one = g.const('int64_one', np.array(1, dtype=np.int64))
        zero = g.const('int64_zero', np.array(0, dtype=np.int64))
        total = g.op('Add', [past_len, cur_len])
        key_pos = g.op('Unsqueeze', [g.op('Range', [zero, total, one]), g.const('axes_0', np.array([0], dtype=np.int64))])
        query_pos = g.op('Unsqueeze', [g.op('Range', [past_len, total, one]), g.const('axes_1', np.array([1], dtype=np.int64))])
        self_bias = g.op('Where', [g.op('Greater', [key_pos, query_pos]),
                                   g.const('neg_inf', np.array(NEG_INF, dtype=np.float32)),
                                   g.const('float_zero', np.array(0.0, dtype=np.float32))])
        enc_bias = self._mask_bias(g, 'encoder_attention_mask')

        # encoder positions whose cross-attention keys/values are not cached yet
        past_enc_len = g.op('Unsqueeze', [self._dim(g, 'past_key_values.0.encoder.key', 2),
                                          g.const('axes_0', np.array([0], dtype=np.int64))])
        enc_new = g.op('Slice', ['encoder_hidden_states', past_enc_len,
                                 g.const('int64_max_1d', np.array([INT64_MAX], dtype=np.int64)),
                                 g.const('axes_1', np.array([1], dtype=np.int64))])

        inputs = [
            helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch_size', 'decoder_sequence_length']),
            helper.make_tensor_value_info('encoder_attention_mask', TensorProto.INT64, ['batch_size', 'encoder_sequence_length']),
            helper.make_tensor_value_info('encoder_hidden_states', TensorProto.FLOAT,
                                          ['batch_size', 'encoder_sequence_length', self.d]),
        ]
        outputs = [helper.make_tensor_value_info('logits', TensorProto.FLOAT,
                                                 ['batch_size', 'decoder_sequence_length', self.vocab])]
        for i in range(self.dec_layers):
            p = f'model.decoder.layers.{i}'
            names = {}
            for kind, past_dim, present_dim in (('decoder', 'past_decoder_sequence_length', 'past_decoder_sequence_length + 1'),
                                                ('encoder', 'encoder_sequence_length_out', 'encoder_sequence_length_out')):
                for kv in ('key', 'value'):
                    past = f'past_key_values.{i}.{kind}.{kv}'
                    present = f'present.{i}.{kind}.{kv}'
                    names[(kind, kv)] = (past, present)
                    inputs.append(helper.make_tensor_value_info(past, TensorProto.FLOAT, ['batch_size', heads, past_dim, dh]))
                    outputs.append(helper.make_tensor_value_info(present, TensorProto.FLOAT, ['batch_size', heads, present_dim, dh]))
            def self_attn(x, p=p, names=names):
                # self-attention with cache
                q = self._query(g, x, p + '.self_attn', heads)
                k_new = self._heads(g, self._linear(g, x, p + '.self_attn.k_proj'), heads)
                v_new = self._heads(g, self._linear(g, x, p + '.self_attn.v_proj'), heads)
                k = g.op('Concat', [names[('decoder', 'key')][0], k_new], outputs=names[('decoder', 'key')][1], axis=2)
                v = g.op('Concat', [names[('decoder', 'value')][0], v_new], outputs=names[('decoder', 'value')][1], axis=2)
                return self._attend(g, q, k, v, self_bias, p + '.self_attn')

            def cross_attn(x, p=p, names=names):
                # cross-attention: project only the encoder positions not in the past
                q = self._query(g, x, p + '.encoder_attn', heads)
                ck_new = self._heads(g, self._linear(g, enc_new, p + '.encoder_attn.k_proj'), heads)
                cv_new = self._heads(g, self._linear(g, enc_new, p + '.encoder_attn.v_proj'), heads)
                ck = g.op('Concat', [names[('encoder', 'key')][0], ck_new], outputs=names[('encoder', 'key')][1], axis=2)
                cv = g.op('Concat', [names[('encoder', 'value')][0], cv_new], outputs=names[('encoder', 'value')][1], axis=2)
                return self._attend(g, q, ck, cv, enc_bias, p + '.encoder_attn')
            h = self._block(g, h, self_attn, p + '.self_attn_layer_norm')
            h = self._block(g, h, cross_attn, p + '.encoder_attn_layer_norm')
            h = self._block(g, h, lambda x, p=p: self._ffn(g, x, p), p + '.final_layer_norm')
        h = self._stack_output(g, h, 'model.decoder')

        # tied LM head: logits = h @ shared^T (+ final_logits_bias)
        emb_t = g.op('Transpose', [self._param(g, 'model.shared.weight')], perm=[1, 0])
        logits = g.op('MatMul', [h, emb_t])
        if 'final_logits_bias' in self.w:
            bias = np.asarray(self.w['final_logits_bias'], dtype=np.float32).reshape(-1)
            g.op('Add', [logits, g.const('final_logits_bias', bias)], outputs='logits')
        else:
            g.op('Identity', [logits], outputs='logits')
        return self._model(g, f'{self.family}_decoder_merged', inputs, outputs)

    def _model(self, g, name, inputs, outputs) -> onnx.ModelProto:
        graph = helper.make_graph(g.nodes, name, inputs, outputs, initializer=list(g.initializers.values()))
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET)],
                                  producer_name='targum-scripts-models')
        model.ir_version = 8
        onnx.checker.check_model(model)
        return model


class M2M100Graphs(MarianGraphs):
    """The same graphs for M2M100 / NLLB-200 (``model_type: m2m_100``), see m2m100.py:
    pre-layer-norm blocks, a layer norm after each stack, ReLU, positions from
    the token ids (pad -> zero vector, first token at 2), no final_logits_bias."""
    family = 'm2m_100'

    def __init__(self, weights: dict, cfg: dict):
        super().__init__(weights, cfg)
        self.pad = cfg['pad_token_id']

    def _ffn(self, g, x, prefix):
        return self._linear(g, g.op('Relu', [self._linear(g, x, prefix + '.fc1')]), prefix + '.fc2')

    def _block(self, g, h, sublayer, norm):
        return g.op('Add', [h, sublayer(self._layer_norm(g, h, norm))])

    def _stack_output(self, g, h, prefix):
        return self._layer_norm(g, h, prefix + '.layer_norm')

    def _embed(self, g, ids, start, length):
        # create_position_ids_from_input_ids: (cumsum(ids != pad) + past) * (ids != pad) + pad
        pad = g.const('pad_id', np.array(self.pad, dtype=np.int64))
        mask = g.op('Cast', [g.op('Not', [g.op('Equal', [ids, pad])])], to=TensorProto.INT64)
        count = g.op('CumSum', [mask, g.const('axis_1', np.array(1, dtype=np.int64))])
        pos = g.op('Add', [g.op('Mul', [g.op('Add', [count, start]), mask]), pad])
        half = self.d // 2
        freq = np.exp(np.arange(half, dtype=np.float64) * -(math.log(10000.0) / (half - 1))).astype(np.float32)
        angles = g.op('Mul', [g.op('Unsqueeze', [g.op('Cast', [pos], to=TensorProto.FLOAT),
                                                 g.const('axes_last', np.array([-1], dtype=np.int64))]),
                              g.const('inv_freq', freq)])
        table = g.op('Concat', [g.op('Sin', [angles]), g.op('Cos', [angles])], axis=-1)
        keep = g.op('Unsqueeze', [g.op('Cast', [mask], to=TensorProto.FLOAT), g.const('axes_last', np.array([-1], dtype=np.int64))])
        positions = g.op('Mul', [table, keep])  # the pad row of the table is zero
        emb = g.op('Gather', [self._param(g, 'model.shared.weight'), ids], axis=0)
        emb = g.op('Mul', [emb, g.const('embed_scale', np.array(math.sqrt(self.d), dtype=np.float32))])
        return g.op('Add', [emb, positions])


# ---------------------------------------------------------------------------
# int8 dynamic quantisation with onnx + numpy

def _quantize_per_channel(w: np.ndarray, axis: int):
    """Symmetric int8 along ``axis``: returns (int8 tensor, float32 scales)."""
    amax = np.max(np.abs(w), axis=1 - axis, keepdims=True)
    scale = np.where(amax == 0, 1.0, amax / 127.0).astype(np.float32)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale.reshape(-1)


def quantize_model(model: onnx.ModelProto) -> onnx.ModelProto:
    model = onnx.ModelProto.FromString(model.SerializeToString())
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    producers = {o: n for n in graph.node for o in n.output}
    g = GraphBuilder()
    g.counter = 10 ** 6
    new_nodes = []
    dq_cache = {}
    quantized = {}  # float initializer name -> (int8 name, scale name) per axis 0 (rows)

    def float_init(name):
        t = inits.get(name)
        if t is not None and t.data_type == TensorProto.FLOAT and len(t.dims) == 2:
            return numpy_helper.to_array(t)
        return None

    def row_quant(name):
        """int8 table + per-row scales for a [rows, cols] initializer."""
        if name not in quantized:
            q, s = _quantize_per_channel(float_init(name), axis=0)
            quantized[name] = (g.const(name + '_quantized', q), g.const(name + '_scale', s))
        return quantized[name]

    def dyn_quant(x):
        if x not in dq_cache:
            dq_cache[x] = g.op('DynamicQuantizeLinear', [x], outputs=[x + '_quantized', x + '_scale', x + '_zero_point'])
        return dq_cache[x]

    def emit(nodes_before):
        new_nodes.extend(nodes_before)

    for node in graph.node:
        start = len(g.nodes)
        if node.op_type == 'MatMul':
            a, b = node.input
            w = float_init(b)
            src = producers.get(b)
            if w is not None:
                q, s = _quantize_per_channel(w, axis=1)  # [in, out]: per output column
                wq = g.const(b + '_quantized', q)
                ws = g.const(b + '_scale', s)
            elif src is not None and src.op_type == 'Transpose' and float_init(src.input[0]) is not None \
                    and list(src.attribute[0].ints) == [1, 0]:
                table, ws = row_quant(src.input[0])  # rows of E are columns of E^T
                wq = g.op('Transpose', [table], perm=[1, 0])
            else:
                new_nodes.append(node)
                continue
            aq, a_scale, a_zp = dyn_quant(a)
            y = g.op('MatMulInteger', [aq, wq, a_zp])
            yf = g.op('Cast', [y], to=TensorProto.FLOAT)
            scale = g.op('Mul', [a_scale, ws])
            g.op('Mul', [yf, scale], outputs=list(node.output))
            emit(g.nodes[start:])
        elif node.op_type == 'Gather' and float_init(node.input[0]) is not None:
            table, ts = row_quant(node.input[0])
            ids = node.input[1]
            rows = g.op('Cast', [g.op('Gather', [table, ids], axis=0)], to=TensorProto.FLOAT)
            scales = g.op('Unsqueeze', [g.op('Gather', [ts, ids], axis=0),
                                        g.const('axes_last', np.array([-1], dtype=np.int64))])
            g.op('Mul', [rows, scales], outputs=list(node.output))
            emit(g.nodes[start:])
        else:
            new_nodes.append(node)

    # drop the Transpose of the float embedding that the LM head used
    used = {i for n in new_nodes for i in n.input}
    while True:
        dead = [n for n in new_nodes if not any(o in used or o in {v.name for v in graph.output} for o in n.output)]
        if not dead:
            break
        new_nodes = [n for n in new_nodes if n not in dead]
        used = {i for n in new_nodes for i in n.input}
    del graph.node[:]
    graph.node.extend(new_nodes)
    all_inits = {t.name: t for t in graph.initializer}
    all_inits.update(g.initializers)
    del graph.initializer[:]
    graph.initializer.extend(t for name, t in all_inits.items() if name in used)
    onnx.checker.check_model(model)
    return model


def export_folder(weights: dict, cfg: dict, out_dir: str, quantize: bool = True, graphs_class=MarianGraphs) -> dict:
    """Write onnx/encoder_model.onnx, onnx/decoder_model_merged.onnx (+ quantised)."""
    onnx_dir = os.path.join(out_dir, 'onnx')
    os.makedirs(onnx_dir, exist_ok=True)
    graphs = graphs_class(weights, cfg)
    sizes = {}
    for name, model in (('encoder_model', graphs.encoder()), ('decoder_model_merged', graphs.decoder())):
        path = os.path.join(onnx_dir, name + '.onnx')
        onnx.save(model, path)
        sizes[name + '.onnx'] = os.path.getsize(path)
        if quantize:
            qpath = os.path.join(onnx_dir, name + '_quantized.onnx')
            onnx.save(quantize_model(model), qpath)
            sizes[name + '_quantized.onnx'] = os.path.getsize(qpath)
    return sizes


if __name__ == '__main__':
    import argparse
    import json
    ap = argparse.ArgumentParser(description='Re-export the ONNX files of a model folder from saved weights '
                                             '(make_tiny_model.py --save-weights FILE.npz)')
    ap.add_argument('folder')
    ap.add_argument('weights', help='npz with the state dict')
    args = ap.parse_args()
    with open(os.path.join(args.folder, 'config.json')) as f:
        config = json.load(f)
    npz = np.load(args.weights)
    print(export_folder(dict(npz), config, args.folder))

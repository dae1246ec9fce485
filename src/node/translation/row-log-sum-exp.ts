/**
 * Each row's log-sum-exp of a [rows, vocabulary] array of logits, computed by onnxruntime (vectorised
 * exponentials) instead of JavaScript's Math.exp: a decoder step's full vocabulary for 16 rows costs about
 * half a millisecond this way (Math.exp: 10 ms or more), so log-probabilities for quality estimation come
 * almost free. The small ONNX graph (opset 13) is written here in protobuf directly.
 */
import * as ort from 'onnxruntime-node';

/** Protobuf wire format: just what an ONNX ModelProto of one node needs. */
function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}
const numberField = (field: number, value: number) => [...varint(field << 3), ...varint(value)];
const bytesField = (field: number, content: readonly number[]) => [...varint((field << 3) | 2), ...varint(content.length), ...content];
const stringField = (field: number, text: string) => bytesField(field, [...new TextEncoder().encode(text)]);

function tensorValue(name: string, elementType: number, dims: readonly string[]): number[] {
  const shape = dims.flatMap((dim) => bytesField(1, stringField(2, dim)));
  const tensorType = [...numberField(1, elementType), ...bytesField(2, shape)];
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))];
}

const float32 = 1;
const attributeInts = 7;
const attributeInt = 2;

const node = (inputs: readonly string[], output: string, operator: string, attributes: ReadonlyArray<readonly number[]>) => [
  ...inputs.flatMap((input) => stringField(1, input)),
  ...stringField(2, output),
  ...stringField(4, operator),
  ...attributes.flatMap((attribute) => bytesField(5, attribute)),
];

/**
 * normalisers = max(logits) − max(LogSoftmax(logits)), which is the log-sum-exp of each row: LogSoftmax runs
 * on MLAS's vectorised exponentials, ReduceLogSumExp on scalar ones (several times slower over 60k logits).
 */
function logSumExpModel(): Uint8Array {
  const lastAxis = [...stringField(1, 'axes'), ...numberField(20, attributeInts), ...numberField(8, 1)];
  const dropAxis = [...stringField(1, 'keepdims'), ...numberField(20, attributeInt), ...numberField(3, 0)];
  const softmaxAxis = [...stringField(1, 'axis'), ...numberField(20, attributeInt), ...numberField(3, 1)];
  const nodes = [
    node(['logits'], 'maxima', 'ReduceMax', [lastAxis, dropAxis]),
    node(['logits'], 'log_probs', 'LogSoftmax', [softmaxAxis]),
    node(['log_probs'], 'best_log_probs', 'ReduceMax', [lastAxis, dropAxis]),
    node(['maxima', 'best_log_probs'], 'normalisers', 'Sub', []),
  ];
  const graph = [
    ...nodes.flatMap((content) => bytesField(1, content)),
    ...stringField(2, 'row_log_sum_exp'),
    ...bytesField(11, tensorValue('logits', float32, ['rows', 'vocabulary'])),
    ...bytesField(12, tensorValue('normalisers', float32, ['rows'])),
  ];
  const opset = numberField(2, 13);
  return Uint8Array.from([...numberField(1, 7), ...bytesField(8, opset), ...bytesField(7, graph)]);
}

let session: Promise<ort.InferenceSession> | undefined;

/** The log-sum-exp of each row of `logits` ([rows, vocabulary], row-major). */
export async function rowLogSumExp(logits: Float32Array, rows: number, vocabulary: number): Promise<Float32Array> {
  session ??= ort.InferenceSession.create(logSumExpModel(), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const input = new ort.Tensor('float32', logits.length === rows * vocabulary ? logits : logits.subarray(0, rows * vocabulary), [rows, vocabulary]);
  const { normalisers } = await (await session).run({ logits: input });
  return normalisers!.data as Float32Array;
}

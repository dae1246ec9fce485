/**
 * A translation model loaded for use: transformers.js reads the folder (tokenizer, configuration, ONNX
 * sessions on onnxruntime-node), and Targum's own decoder generates.
 */
import { AutoModelForSeq2SeqLM, AutoTokenizer, env, LogLevel, type PreTrainedTokenizer } from '@huggingface/transformers';
import type * as ort from 'onnxruntime-node';
import type { ModelDtype, ModelInfo } from '../../common/models/model-info';
import type { TextSpan } from '../../common/api/contract';
import { sentenceConfidence } from './confidence';
import { languageToken, marianTargetTags } from './language-codes';
import { Seq2SeqDecoder, type DecoderShape, type EncodedBatch, type Hypothesis, type SpecialTokens } from './seq2seq-decoder';
import type { TextLanguage } from '../../common/text/language';

// Targum never fetches a model at run time: models are installed by the model manager or imported.
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.logLevel = LogLevel.ERROR;

export interface LoadOptions {
  dtype: ModelDtype;
  threads: number;
}

export interface BatchOptions {
  from: TextLanguage;
  to: TextLanguage;
  beams: number;
  /** A fixed output length (benchmarks): end-of-sentence is suppressed before it and generation stops at it. */
  exactNewTokens?: number;
  /**
   * Log-probabilities, confidence and unsure words are computed unless this is false (to translate without
   * them, or to measure what they cost).
   */
  withScores?: boolean;
  signal?: AbortSignal;
}

export interface SentenceTranslation {
  text: string;
  /** Number of generated tokens. */
  tokens: number;
  /** Sum of log-probabilities of the generated tokens (0 when translated without scores, unless beams > 1). */
  logProb: number;
  /** exp of the mean token log-probability; absent without scores. */
  confidence?: number;
  /** The words under the unsure threshold, as character offsets in `text`; absent without scores. */
  unsure?: TextSpan[];
}

interface ModelConfig {
  d_model: number;
  decoder_layers: number;
  decoder_attention_heads: number;
  decoder_start_token_id: number;
  eos_token_id: number;
  pad_token_id: number;
  max_length?: number;
  max_position_embeddings?: number;
}

interface LoadedSeq2Seq {
  config: ModelConfig;
  sessions: Record<string, ort.InferenceSession>;
  dispose(): Promise<unknown>;
}

export class TranslationModel {
  private constructor(
    readonly info: ModelInfo,
    readonly dtype: ModelDtype,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: LoadedSeq2Seq,
  ) {
    this.config = model.config;
    const encoder = model.sessions.model;
    const decoder = model.sessions.decoder_model_merged;
    if (!encoder || !decoder) throw new Error(`${info.id}: the model has no encoder or merged decoder session`);
    this.sessions = { encoder, decoder };
  }

  private readonly config: ModelConfig;
  private readonly sessions: { encoder: ort.InferenceSession; decoder: ort.InferenceSession };

  static async load(info: ModelInfo, options: LoadOptions): Promise<TranslationModel> {
    if (!info.dtypes.includes(options.dtype)) throw new Error(`${info.id} has no ${options.dtype} files (it has ${info.dtypes.join(', ')})`);
    const tokenizer = await AutoTokenizer.from_pretrained(info.path, { local_files_only: true });
    const model = (await AutoModelForSeq2SeqLM.from_pretrained(info.path, {
      local_files_only: true,
      dtype: options.dtype,
      device: 'cpu',
      session_options: {
        intraOpNumThreads: options.threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      },
    })) as unknown as LoadedSeq2Seq;
    return new TranslationModel(info, options.dtype, tokenizer, model);
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }

  /** The longest translation of a source of this many tokens. */
  maxNewTokens(sourceLength: number): number {
    return Math.min(this.config.max_length ?? 512, sourceLength * 2 + 10);
  }

  /** Translates one batch of sentences; empty sentences translate to empty text without running the model. */
  async translateBatch(sentences: readonly string[], options: BatchOptions): Promise<SentenceTranslation[]> {
    const results: SentenceTranslation[] = sentences.map(() => ({ text: '', tokens: 0, logProb: 0 }));
    const rows = sentences.map((sentence, index) => ({ index, text: sentence.trim() })).filter((row) => row.text.length > 0);
    if (rows.length === 0) return results;
    const batch = this.encodeBatch(
      rows.map((row) => row.text),
      options.from,
      options.to,
    );
    const withScores = options.withScores !== false;
    const decoder = new Seq2SeqDecoder(this.sessions, this.shape(), this.specialTokens(options.to));
    const hypotheses = await decoder.decode(batch, {
      beams: options.beams,
      maxNewTokens: options.exactNewTokens ? () => options.exactNewTokens! : (sourceLength) => this.maxNewTokens(sourceLength),
      minNewTokens: options.exactNewTokens,
      withScores,
      signal: options.signal,
    });
    hypotheses.forEach((hypothesis, position) => {
      results[rows[position]!.index] = this.translationOf(hypothesis, withScores);
    });
    return results;
  }

  /**
   * How sure the model is of a given English for a sentence (forced decoding): its confidence and unsure
   * words as if the model had written it. Used to test the quality estimate, not to translate.
   */
  async scoreTranslation(sentence: string, translation: string, options: { from: TextLanguage; to: TextLanguage }): Promise<SentenceTranslation> {
    const batch = this.encodeBatch([sentence.trim()], options.from, options.to);
    const special = this.specialTokens(options.to);
    const target = this.tokenizer.encode(translation, { add_special_tokens: false });
    const tokens = special.forcedFirst === undefined ? target : [special.forcedFirst, ...target];
    const hypothesis = await new Seq2SeqDecoder(this.sessions, this.shape(), special).forced(batch, tokens);
    return this.translationOf(hypothesis, true);
  }

  private translationOf(hypothesis: Hypothesis, withScores: boolean): SentenceTranslation {
    const text = this.tokenizer.decode(hypothesis.tokens, { skip_special_tokens: true }).trim();
    const translation = { text, tokens: hypothesis.tokens.length, logProb: hypothesis.logProb };
    if (!withScores) return translation;
    // NLLB's forced target-language token is not the model's choice, so it does not count.
    const skip = this.info.family === 'marian' ? 0 : 1;
    const pieces = this.piecesOf(hypothesis.tokens.slice(skip));
    return { ...translation, ...sentenceConfidence(pieces, hypothesis.tokenLogProbs.slice(skip), hypothesis.endLogProb, text) };
  }

  private pieces?: string[];

  private piecesOf(tokens: readonly number[]): string[] {
    if (!this.pieces) {
      this.pieces = [];
      for (const [piece, id] of this.tokenizer.get_vocab()) this.pieces[id] = piece;
    }
    return tokens.map((token) => this.pieces![token] ?? '');
  }

  /** Source token ids for a sentence, with the family's language markers. */
  sourceIds(text: string, from: TextLanguage, to: TextLanguage): number[] {
    const family = this.info.family;
    const maxSource = Math.min(this.config.max_position_embeddings ?? 512, 512);
    if (family === 'marian') {
      const encoded = this.tokenizer.encode(text);
      const ids = encoded.length > maxSource - 1 ? [...encoded.slice(0, maxSource - 2), this.config.eos_token_id] : encoded;
      // A target tag must be one token; when the tokenizer does not list it as an added token it would be
      // split into pieces, so its id is looked up in the vocabulary and put in front directly.
      const tag = this.info.to.length > 1 ? this.vocabularyId(marianTargetTags(to)) : undefined;
      return tag === undefined ? ids : [tag, ...ids];
    }
    const language = this.vocabularyId([languageToken(family, from)]);
    if (language === undefined) throw new Error(`${this.info.id} does not know the language code ${languageToken(family, from)}`);
    const ids = this.tokenizer.encode(text, { add_special_tokens: false }).slice(0, maxSource - 2);
    return [language, ...ids, this.config.eos_token_id];
  }

  private vocabularyId(tokens: readonly string[]): number | undefined {
    const vocabulary = this.tokenizer.get_vocab();
    for (const token of tokens) {
      const id = vocabulary.get(token);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  private encodeBatch(texts: readonly string[], from: TextLanguage, to: TextLanguage): EncodedBatch {
    const encoded = texts.map((text) => this.sourceIds(text, from, to));
    const length = Math.max(...encoded.map((ids) => ids.length));
    const inputIds = new BigInt64Array(texts.length * length).fill(BigInt(this.config.pad_token_id));
    const attentionMask = new BigInt64Array(texts.length * length);
    encoded.forEach((ids, row) => {
      ids.forEach((id, position) => {
        inputIds[row * length + position] = BigInt(id);
        attentionMask[row * length + position] = 1n;
      });
    });
    return { inputIds, attentionMask, rows: texts.length, length, sourceLengths: encoded.map((ids) => ids.length) };
  }

  private shape(): DecoderShape {
    const heads = this.config.decoder_attention_heads;
    return { layers: this.config.decoder_layers, heads, headDim: this.config.d_model / heads };
  }

  private specialTokens(to: TextLanguage): SpecialTokens {
    const forbidden = this.config.pad_token_id === this.config.eos_token_id ? [] : [this.config.pad_token_id];
    if (this.info.family === 'marian') return { decoderStart: this.config.decoder_start_token_id, eos: this.config.eos_token_id, forbidden };
    const target = this.vocabularyId([languageToken(this.info.family, to)]);
    if (target === undefined) throw new Error(`${this.info.id} does not know the language code ${languageToken(this.info.family, to)}`);
    return { decoderStart: this.config.decoder_start_token_id, eos: this.config.eos_token_id, forbidden, forcedFirst: target };
  }
}

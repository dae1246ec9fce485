/**
 * The team documents that mirror shared entries, and their ids. An id depends only on what identifies the entry
 * for every member (a gloss's language and normalised form, a memory entry's language and normalised source
 * sentence), so two members adding the same thing meet in one document, and edit it as one.
 */
import { z } from 'zod';
import { textLanguages, type TextLanguage } from '../../common/text/language';
import type { AlignmentContent, GlossContent, GlossRecord, MemoryContent, MemoryRecord, TeamVersion } from './records';

interface TeamDocBase {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  /** The member who made this version (their name in Settings → Team), and when. */
  by: string;
  at: number;
}

export interface GlossDoc extends TeamDocBase, GlossContent {
  type: 'gloss';
  language: TextLanguage;
  key: string;
  /** Versions a resolution set aside, the latest last: the losing side of a conflict stays readable. */
  history?: Array<TeamVersion<GlossContent>>;
}

export interface MemoryDoc extends TeamDocBase {
  type: 'memory';
  language: TextLanguage;
  sourceKey: string;
  source: string;
  target: string;
  /** Versions a resolution set aside, the latest last. */
  history?: Array<TeamVersion<MemoryContent>>;
}

/** A shared article: its text as imported, and the machine English of each sentence (the latest). */
export interface ArticleDoc extends TeamDocBase {
  type: 'article';
  title: string;
  language: TextLanguage;
  outlet?: string;
  date?: string;
  sourceUrl?: string;
  originalText: string;
  tags: string[];
  translations: Array<{ source: string; text: string; modelId: string; precision: string; createdAt: number; confidence?: number }>;
}

/** A shared article's corrected or confirmed sentence: one document per sentence, so that members correct sentences apart. */
export interface CorrectionDoc extends TeamDocBase {
  type: 'correction';
  language: TextLanguage;
  article: string;
  source: string;
  text: string;
  status: 'edited' | 'confirmed';
}

/** A shared article's alignment with its counterpart (shared too): the links, and the sentences they index. */
export interface AlignmentDoc extends TeamDocBase, AlignmentContent {
  type: 'alignment';
  language: TextLanguage;
  article: string;
  counterpart: string;
  /** Versions a resolution set aside, the latest last. */
  history?: Array<TeamVersion<AlignmentContent>>;
}

/** What an alignment document says, without who made it. */
export function alignmentContent({ links, sourceSentences, targetSentences }: AlignmentContent): AlignmentContent {
  return { links, sourceSentences, targetSentences };
}

export type TeamDoc = GlossDoc | MemoryDoc | ArticleDoc | CorrectionDoc | AlignmentDoc;

/** 128 bits of a string (four 32-bit lanes of multiply-xorshift mixing), in hex: synchronous, so usable inside a Dexie transaction. */
export function textHash(text: string): string {
  let a = 0x9e3779b9 ^ text.length;
  let b = 0x85ebca6b;
  let c = 0xc2b2ae35;
  let d = 0x27d4eb2f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x85ebca77);
    b = Math.imul(b ^ code, 0xc2b2ae3d);
    c = Math.imul(c ^ code, 0x27d4eb2f);
    d = Math.imul(d ^ code, 0x165667b1);
    a = (a << 13) | (a >>> 19);
    b = (b << 17) | (b >>> 15);
    c = (c << 11) | (c >>> 21);
    d = (d << 19) | (d >>> 13);
    a = (a + b) | 0;
    b = (b + c) | 0;
    c = (c + d) | 0;
    d = (d + a) | 0;
  }
  const lanes = [a, b, c, d].map((lane, index) => {
    let h = lane ^ Math.imul(index + 1, 0x9e3779b9);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0).toString(16).padStart(8, '0');
  });
  return lanes.join('');
}

/** A gloss's document: its language and the normalised form it matches on (readable in the team's database). */
export function glossDocId(language: TextLanguage, key: string): string {
  return `gloss:${language}:${key}`;
}

/** A memory entry's document: a hash of its source key (language and normalised sentence), which may be long. */
export function memoryDocId(sourceKey: string): string {
  return `memory:${textHash(sourceKey)}`;
}

/** An article's document: a hash of its language and text as imported, the same in every library that has it. */
export function articleDocId(article: { language: TextLanguage; originalText: string }): string {
  return `article:${textHash(`${article.language}\n${article.originalText}`)}`;
}

/** A corrected sentence's document: its article's, then a hash of the sentence. Every correction of an article shares a prefix. */
export function correctionDocId(articleDoc: string, source: string): string {
  return `${correctionPrefix(articleDoc)}${textHash(source)}`;
}

/** An alignment's document: under its article's, then its counterpart's hash. */
export function alignmentDocId(articleDoc: string, counterpartDoc: string): string {
  return `alignment:${articleDoc.slice('article:'.length)}:${counterpartDoc.slice('article:'.length)}`;
}

/** A shared article deleted by a member: its id is all the other members need to find it. */
export function articleDeletion(id: string, language: TextLanguage, by: string, at: number): ArticleDoc {
  return { _id: id, type: 'article', title: '', language, originalText: '', tags: [], translations: [], by, at, _deleted: true };
}

export function correctionPrefix(articleDoc: string): string {
  return `correction:${articleDoc.slice('article:'.length)}:`;
}

export function glossContent(gloss: Pick<GlossRecord, keyof GlossContent>): GlossContent {
  return { surface: gloss.surface, meaning: gloss.meaning, ...(gloss.note ? { note: gloss.note } : {}), ...(gloss.lemma ? { lemma: gloss.lemma } : {}) };
}

export function sameGlossContent(a: GlossContent, b: GlossContent): boolean {
  return a.surface === b.surface && a.meaning === b.meaning && (a.note ?? '') === (b.note ?? '') && (a.lemma ?? '') === (b.lemma ?? '');
}

export function glossDoc(gloss: GlossRecord, by: string, at: number): GlossDoc {
  return { _id: glossDocId(gloss.language, gloss.key), type: 'gloss', language: gloss.language, key: gloss.key, ...glossContent(gloss), by, at };
}

/** Only confirmations made by a member are shared: imported units and references stay in their library. */
export function isSharedMemory(entry: MemoryRecord): boolean {
  return entry.origin === 'confirmed';
}

export function memoryDoc(entry: MemoryRecord, by: string, at: number): MemoryDoc {
  return {
    _id: memoryDocId(entry.sourceKey),
    type: 'memory',
    language: entry.language,
    sourceKey: entry.sourceKey,
    source: entry.source,
    target: entry.target,
    by,
    at,
    ...(entry.team?.history?.length ? { history: entry.team.history } : {}),
  };
}

const versionFields = { by: z.string().max(100), at: z.number() };
const glossContentSchema = z.object({ surface: z.string().min(1).max(500), meaning: z.string().max(5000), note: z.string().max(5000).optional(), lemma: z.string().max(500).optional() });
const docFields = { _id: z.string(), _rev: z.string().optional(), _deleted: z.boolean().optional(), _conflicts: z.array(z.string()).optional(), ...versionFields, language: z.enum(textLanguages) };
const glossDocSchema = z.looseObject({
  ...docFields,
  ...glossContentSchema.shape,
  type: z.literal('gloss'),
  key: z.string().min(1).max(500),
  history: z.array(z.object({ content: glossContentSchema, ...versionFields, rev: z.string().optional() })).optional(),
});
const memoryDocSchema = z.looseObject({
  ...docFields,
  type: z.literal('memory'),
  sourceKey: z.string().min(1),
  source: z.string(),
  target: z.string(),
  history: z.array(z.object({ content: z.object({ target: z.string() }), ...versionFields, rev: z.string().optional() })).optional(),
});

const articleDocSchema = z.looseObject({
  ...docFields,
  type: z.literal('article'),
  title: z.string().max(2000),
  outlet: z.string().max(500).optional(),
  date: z.string().max(100).optional(),
  sourceUrl: z.string().max(4000).optional(),
  originalText: z.string().min(1),
  tags: z.array(z.string().max(200)).max(200),
  translations: z.array(z.object({ source: z.string(), text: z.string(), modelId: z.string(), precision: z.string(), createdAt: z.number(), confidence: z.number().optional() })),
});
const articleDeletionSchema = z.looseObject({ ...docFields, _id: z.string().startsWith('article:'), _deleted: z.literal(true), type: z.literal('article') });
const correctionDocSchema = z.looseObject({ ...docFields, type: z.literal('correction'), article: z.string(), source: z.string().min(1), text: z.string(), status: z.enum(['edited', 'confirmed']) });
const sentenceIndices = z.array(z.number().int().min(0)).max(10_000);
const alignmentContentSchema = z.object({
  links: z.array(z.object({ source: sentenceIndices, target: sentenceIndices, confidence: z.number(), manual: z.boolean() })),
  sourceSentences: z.array(z.string()),
  targetSentences: z.array(z.string()),
});
const alignmentDocSchema = z.looseObject({
  ...docFields,
  ...alignmentContentSchema.shape,
  type: z.literal('alignment'),
  article: z.string().startsWith('article:'),
  counterpart: z.string().startsWith('article:'),
  history: z.array(z.object({ content: alignmentContentSchema, ...versionFields, rev: z.string().optional() })).optional(),
});

/** A document as it came from the team's database (written by another member's Targum), checked before anything of it is stored. */
export function readTeamDoc(value: unknown): TeamDoc | undefined {
  const gloss = glossDocSchema.safeParse(value);
  if (gloss.success) return gloss.data._id === glossDocId(gloss.data.language, gloss.data.key) ? (gloss.data as GlossDoc) : undefined;
  const memory = memoryDocSchema.safeParse(value);
  if (memory.success) return memory.data._id === memoryDocId(memory.data.sourceKey) ? (memory.data as MemoryDoc) : undefined;
  const deletedArticle = articleDeletionSchema.safeParse(value);
  if (deletedArticle.success) return { ...articleDeletion(deletedArticle.data._id, deletedArticle.data.language, deletedArticle.data.by, deletedArticle.data.at), ...(deletedArticle.data._rev ? { _rev: deletedArticle.data._rev } : {}) };
  const article = articleDocSchema.safeParse(value);
  if (article.success) return article.data._id === articleDocId(article.data) ? (article.data as ArticleDoc) : undefined;
  const correction = correctionDocSchema.safeParse(value);
  if (correction.success) return correction.data._id === correctionDocId(correction.data.article, correction.data.source) ? (correction.data as CorrectionDoc) : undefined;
  const alignment = alignmentDocSchema.safeParse(value);
  if (alignment.success) return alignment.data._id === alignmentDocId(alignment.data.article, alignment.data.counterpart) ? (alignment.data as AlignmentDoc) : undefined;
  return undefined;
}

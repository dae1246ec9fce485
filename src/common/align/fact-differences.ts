/**
 * What two linked paragraph groups of different articles report differently: figures for the same
 * kind of thing (500 fighters against 600 ISIS fighters), and names of people and places that only
 * one side mentions. Positions are offsets into each paragraph's English translation and, for
 * figures in digits, into the paragraph's original text as well, so that both can be highlighted.
 */
import type { ArticleLink, ComparedParagraph } from './article-links';
import { findNumberInOriginal, nameFacts, numberFacts, sameSubject, type NumberFact, type TextSpan } from './facts';

/** One mention of a fact: in paragraph `paragraph` of its article. */
export interface FactMention extends TextSpan {
  paragraph: number;
  text: string;
  /** The same figure in the paragraph's original text, when it is written there in digits. */
  original?: TextSpan;
}

export interface FactDifference {
  kind: 'number' | 'name';
  /** For numbers: what is counted ("fighters"). */
  subject?: string;
  /** Mentions on each side that the other side does not share (one side is empty for a name). */
  left: FactMention[];
  right: FactMention[];
}

interface Located<T> {
  paragraph: number;
  fact: T;
}

function numbersOf(paragraphs: ComparedParagraph[], indices: number[]): Array<Located<NumberFact>> {
  return indices.flatMap((paragraph) => numberFacts(paragraphs[paragraph]!.english).map((fact) => ({ paragraph, fact })));
}

function mention(paragraphs: ComparedParagraph[], { paragraph, fact }: Located<NumberFact>): FactMention {
  const original = findNumberInOriginal(paragraphs[paragraph]!.text, fact.value);
  return { paragraph, text: fact.text, start: fact.start, end: fact.end, ...(original ? { original } : {}) };
}

/** Name words that identify a name ("Nasrallah" in "Hezbollah Secretary-General Hassan Nasrallah"). */
function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[\s-]+/)
    .filter((token) => token.length >= 3 && !['the', 'for', 'and'].includes(token));
}

export function factDifferences(left: ComparedParagraph[], right: ComparedParagraph[], link: Pick<ArticleLink, 'left' | 'right'>): FactDifference[] {
  const differences: FactDifference[] = [];

  const leftNumbers = numbersOf(left, link.left).filter(({ fact }) => fact.subject);
  const rightNumbers = numbersOf(right, link.right).filter(({ fact }) => fact.subject);
  const seen = new Set<Located<NumberFact>>();
  for (const item of leftNumbers) {
    if (seen.has(item)) continue;
    // The figures of one kind of thing on both sides: a difference unless they are the same figures.
    const leftGroup = leftNumbers.filter((other) => sameSubject(item.fact, other.fact));
    const rightGroup = rightNumbers.filter((other) => sameSubject(item.fact, other.fact));
    for (const member of leftGroup) seen.add(member);
    if (rightGroup.length === 0) continue;
    const leftOnly = leftGroup.filter(({ fact }) => !rightGroup.some((other) => other.fact.value === fact.value));
    const rightOnly = rightGroup.filter(({ fact }) => !leftGroup.some((other) => other.fact.value === fact.value));
    if (leftOnly.length === 0 && rightOnly.length === 0) continue;
    differences.push({
      kind: 'number',
      subject: item.fact.subject,
      left: leftOnly.map((located) => mention(left, located)),
      right: rightOnly.map((located) => mention(right, located)),
    });
  }

  const names = (paragraphs: ComparedParagraph[], indices: number[]) =>
    indices.flatMap((paragraph) => nameFacts(paragraphs[paragraph]!.english).map((fact) => ({ paragraph, fact, tokens: nameTokens(fact.text) })));
  const leftNames = names(left, link.left);
  const rightNames = names(right, link.right);
  const oneSided = (mine: typeof leftNames, theirs: typeof leftNames, side: 'left' | 'right') => {
    const theirTokens = new Set(theirs.flatMap((name) => name.tokens));
    const byName = new Map<string, FactMention[]>();
    for (const { paragraph, fact, tokens } of mine) {
      if (tokens.length === 0 || tokens.some((token) => theirTokens.has(token))) continue;
      const mentions = byName.get(fact.text) ?? [];
      mentions.push({ paragraph, text: fact.text, start: fact.start, end: fact.end });
      byName.set(fact.text, mentions);
    }
    for (const mentions of byName.values()) differences.push({ kind: 'name', left: side === 'left' ? mentions : [], right: side === 'right' ? mentions : [] });
  };
  oneSided(leftNames, rightNames, 'left');
  oneSided(rightNames, leftNames, 'right');
  return differences;
}

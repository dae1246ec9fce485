/**
 * Comparing outlets on the seed articles about the Qalamoun evacuation: 000 (Hebrew, English in the
 * phrasebook), 001 (Arabic; English for its first four paragraphs in fixtures/seed-001.en.txt, written
 * for this test) and 002 (Arabic, English in the phrasebook). Their figures disagree: about 500 ISIS
 * fighters (000), fifty and 350 gunmen (001), about 600 fighters among them 250 gunmen (002).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkArticleParagraphs, type ComparedParagraph } from '../../../src/common/align/article-links';
import { factDifferences, type FactDifference } from '../../../src/common/align/fact-differences';

function article(seed: string, english: string): ComparedParagraph[] {
  const texts = readFileSync(path.resolve('resources/samples', seed), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const translations = readFileSync(path.resolve(english), 'utf8').split('\n');
  return texts.map((text, index) => ({ text, english: translations[index] ?? '' }));
}

const hebrew = article('000_31cd6cf0c36ffd10.txt', 'test/fixtures/phrasebook/seed-000.en.txt');
const asharq = article('001_888f2903cdf87aee.txt', 'test/unit/align/fixtures/seed-001.en.txt');
const jordan = article('002_006563e634bf3530.txt', 'test/fixtures/phrasebook/seed-002.en.txt');

/** The figure differences as `subject: left figures | right figures`, each figure as the text it highlights. */
function figures(differences: FactDifference[]): string[] {
  return differences.filter((difference) => difference.kind === 'number').map((d) => `${d.subject}: ${d.left.map((m) => m.text).join(', ')} | ${d.right.map((m) => m.text).join(', ')}`);
}

describe('comparing outlets', () => {
  it('links the paragraphs on the number of fighters in 000 and 001, and finds 500 against fifty and 350', () => {
    const links = linkArticleParagraphs(hebrew, asharq);
    const fighters = links.find((link) => link.left.includes(2))!;
    expect(fighters.right).toEqual([1, 2]);
    // Paragraphs that report nothing the other article does stay unlinked.
    expect(links.flatMap((link) => link.left)).not.toContain(9);
    const differences = factDifferences(hebrew, asharq, fighters);
    expect(figures(differences)).toEqual(['fighters: 500 fighters | fifty ISIS gunmen, 350 ISIS gunmen']);
    const [difference] = differences;
    // Offsets point at the figures in the English, and at 350 in the Arabic too (fifty is spelled out there).
    expect(hebrew[2]!.english.slice(difference!.left[0]!.start, difference!.left[0]!.end)).toBe('500 fighters');
    expect(difference!.left[0]!.original).toBeDefined();
    expect(hebrew[2]!.text.slice(difference!.left[0]!.original!.start, difference!.left[0]!.original!.end)).toBe('500');
    const [fifty, threeFifty] = difference!.right;
    expect(fifty!.original).toBeUndefined();
    expect(asharq[threeFifty!.paragraph]!.text.slice(threeFifty!.original!.start, threeFifty!.original!.end)).toBe('350');
  });

  it('finds 500 against 600 fighters between 000 and 002, and 350 and fifty against 600 and 250 between 001 and 002', () => {
    const [hebrewJordan] = linkArticleParagraphs(hebrew, jordan).filter((link) => link.left.includes(2));
    expect(hebrewJordan!.right).toEqual([6]);
    expect(figures(factDifferences(hebrew, jordan, hebrewJordan!))).toEqual(['fighters: 500 fighters | 600 ISIS fighters, 250 ISIS gunmen']);

    const [asharqJordan] = linkArticleParagraphs(asharq, jordan).filter((link) => link.right.includes(6));
    expect(asharqJordan!.left).toEqual(expect.arrayContaining([1, 2]));
    expect(figures(factDifferences(asharq, jordan, asharqJordan!))).toEqual(['fighters: fifty ISIS gunmen, 350 ISIS gunmen | 600 ISIS fighters, 250 ISIS gunmen']);
  });

  it('lists names and places only one side of a link mentions, with their offsets', () => {
    const link = linkArticleParagraphs(hebrew, jordan).find((candidate) => candidate.left.includes(2))!;
    const names = factDifferences(hebrew, jordan, link).filter((difference) => difference.kind === 'name');
    const rightOnly = names.flatMap((difference) => difference.right.map((mention) => mention.text));
    expect(rightOnly).toEqual(expect.arrayContaining(['Xinhua', 'Damascus', 'Albu Kamal', 'Deir ez-Zor']));
    // Both mention ISIS and Qalamoun: not differences.
    expect(names.flatMap((difference) => [...difference.left, ...difference.right].map((mention) => mention.text))).not.toEqual(expect.arrayContaining(['Qalamoun']));
    const kamal = names.find((difference) => difference.right[0]?.text === 'Albu Kamal')!.right[0]!;
    expect(jordan[kamal.paragraph]!.english.slice(kamal.start, kamal.end)).toBe('Albu Kamal');
    // Hezbollah is the name 000's paragraph adds; its "Saturday" is a weekday, not a name.
    const leftOnly = names.flatMap((difference) => difference.left.map((mention) => mention.text));
    expect(leftOnly).toContain('Hezbollah');
    expect(leftOnly).not.toContain('Saturday');
  });

  it('links nothing between articles with nothing in common', () => {
    const unrelated: ComparedParagraph[] = [{ text: 'מזג האוויר', english: 'Heavy rain is expected in the north on Sunday, with snow on Mount Hermon.' }];
    expect(linkArticleParagraphs(unrelated, jordan)).toEqual([]);
  });
});

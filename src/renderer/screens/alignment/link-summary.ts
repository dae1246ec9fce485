import type { AlignmentLinkRecord } from '../../data/records';

/** How many links, of which shapes: "12 links: 10 one to one, 1 joining several sentences, 1 unlinked". */
export function linkSummary(links: readonly AlignmentLinkRecord[]): string {
  const count = (test: (link: AlignmentLinkRecord) => boolean) => links.filter(test).length;
  const oneToOne = count((link) => link.source.length === 1 && link.target.length === 1);
  const unlinked = count((link) => link.source.length === 0 || link.target.length === 0);
  const other = links.length - oneToOne - unlinked;
  return [
    `${links.length} ${links.length === 1 ? 'link' : 'links'}: ${oneToOne} one to one`,
    other > 0 ? `${other} joining several sentences` : '',
    unlinked > 0 ? `${unlinked} unlinked` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

const linkKey = (link: AlignmentLinkRecord) => `${link.source.join(',')}|${link.target.join(',')}`;

/** How many links of `version` pair other sentences than any link of `shown` does. */
export function linksNotIn(version: readonly AlignmentLinkRecord[], shown: readonly AlignmentLinkRecord[]): number {
  const there = new Set(shown.map(linkKey));
  return version.filter((link) => !there.has(linkKey(link))).length;
}

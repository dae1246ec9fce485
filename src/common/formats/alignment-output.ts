/** `targum align` output as shared/cli.md defines it: tsv, csv and json, one link per record in document order. */
import { linkType, type AlignedText, type AlignmentLink } from '../align/types';
import { csvRecord } from './csv';
import { tsvRecord } from './tsv';

/** A confidence with at most three decimals ("0.97", "1"). */
export function formatConfidence(confidence: number): string {
  return String(Number(confidence.toFixed(3)));
}

function fields(aligned: AlignedText, link: AlignmentLink): string[] {
  return [
    link.source.map((index) => aligned.source[index]!).join(' '),
    link.target.map((index) => aligned.target[index]!).join(' '),
    linkType(link),
    formatConfidence(link.confidence),
  ];
}

/** tsv: `source<TAB>target<TAB>type<TAB>confidence`, no header; an empty side is an empty field. */
export function formatAlignmentTsv(aligned: AlignedText): string {
  return aligned.links.map((link) => tsvRecord(fields(aligned, link))).join('');
}

/** csv: RFC 4180 with the header `source,target,type,confidence`. */
export function formatAlignmentCsv(aligned: AlignedText): string {
  return csvRecord(['source', 'target', 'type', 'confidence']) + aligned.links.map((link) => csvRecord(fields(aligned, link))).join('');
}

/** json: `{version, from, to, links: [{source: [..sentences..], target: [..sentences..], type, confidence}]}`. */
export function formatAlignmentJson(aligned: AlignedText): string {
  const json = {
    version: 1,
    from: aligned.from,
    to: aligned.to,
    links: aligned.links.map((link) => ({
      source: link.source.map((index) => aligned.source[index]!),
      target: link.target.map((index) => aligned.target[index]!),
      type: linkType(link),
      confidence: Number(link.confidence.toFixed(3)),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

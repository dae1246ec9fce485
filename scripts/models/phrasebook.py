#!/usr/bin/python3
"""Phrasebook helpers shared by the model scripts.

The phrasebook (test/fixtures/phrasebook/phrasebook.tsv) is a UTF-8 TSV with
columns ``lang<TAB>source<TAB>english`` and no header.  ``lang`` is ``ar`` or
``he``.  It holds hand-written news sentences plus every sentence of two
sample articles (resources/samples 000 and 002), each with a human English
translation.  The demo model's phrasebook
(resources/models/targum-demo/phrasebook.tsv) is that phrasebook followed by
every sentence of the other three sample articles (001, 003, 004).

Usage:
  /usr/bin/python3 scripts/models/phrasebook.py check [--seeds DIR]
      validate both phrasebooks (NFC, no stray whitespace, unique sources), that
      every sentence of their sample articles is present and that the demo
      phrasebook begins with the test phrasebook
  /usr/bin/python3 scripts/models/phrasebook.py seed-en [--seeds DIR]
      rewrite test/fixtures/phrasebook/seed-000.en.txt and seed-002.en.txt from
      the TSV (one English paragraph per non-empty seed line)
  /usr/bin/python3 scripts/models/phrasebook.py stats
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PHRASEBOOK_DIR = os.path.join(REPO, 'test', 'fixtures', 'phrasebook')
PHRASEBOOK = os.path.join(PHRASEBOOK_DIR, 'phrasebook.tsv')
DEMO_PHRASEBOOK = os.path.join(REPO, 'resources', 'models', 'targum-demo', 'phrasebook.tsv')
DEFAULT_SEEDS = os.path.join(REPO, 'resources', 'samples')

# The two sample articles whose sentences are part of the test phrasebook.
SEEDS = {
    '000': ('he', '000_31cd6cf0c36ffd10.txt'),
    '002': ('ar', '002_006563e634bf3530.txt'),
}
# The demo model's phrasebook covers all five.
DEMO_SEEDS = {
    **SEEDS,
    '001': ('ar', '001_888f2903cdf87aee.txt'),
    '003': ('ar', '003_fe292405636c0dc5.txt'),
    '004': ('ar', '004_ed2df22646606838.txt'),
}

# Split after sentence-final . ! ? ؟ … when whitespace follows.  Hebrew
# acronyms (צה"ל) and decimals (4.5) never have whitespace right after the
# mark, so they stay whole.
_SENTENCE_BOUNDARY = re.compile(r'(?<=[.!?\u061F\u2026])\s+')
_WHITESPACE = re.compile(r'\s+')


def normalize_text(text: str) -> str:
    """NFC, single spaces, no leading/trailing whitespace.

    This is exactly what the tokenizer.json normalizer does (NFC, then
    whitespace runs to one space, then strip), so Python training and
    transformers.js see the same string.
    """
    text = unicodedata.normalize('NFC', text)
    text = _WHITESPACE.sub(' ', text)
    return text.strip()


def split_sentences(line: str) -> list[str]:
    line = normalize_text(line)
    if not line:
        return []
    return [s for s in _SENTENCE_BOUNDARY.split(line) if s]


def seed_lines(path: str) -> list[str]:
    with open(path, encoding='utf-8') as f:
        return [normalize_text(l) for l in f if l.strip()]


def read_phrasebook(path: str = PHRASEBOOK) -> list[tuple[str, str, str]]:
    rows = []
    with open(path, encoding='utf-8', newline='') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line:
                continue
            parts = line.split('\t')
            if len(parts) != 3:
                raise ValueError(f'{path}:{n}: expected 3 tab-separated fields, got {len(parts)}')
            rows.append((parts[0], parts[1], parts[2]))
    return rows


def check(path: str, seeds_dir: str, seeds: dict = SEEDS) -> int:
    rows = read_phrasebook(path)
    errors = []
    seen = {}
    for i, (lang, src, en) in enumerate(rows, 1):
        if lang not in ('ar', 'he'):
            errors.append(f'row {i}: bad lang {lang!r}')
        for name, field in (('source', src), ('english', en)):
            if field != normalize_text(field):
                errors.append(f'row {i}: {name} is not normalised (NFC, single spaces, trimmed)')
            if not field:
                errors.append(f'row {i}: empty {name}')
            if '\r' in field:
                errors.append(f'row {i}: CR in {name}')
        if src in seen:
            errors.append(f'row {i}: duplicate source (first at row {seen[src]})')
        seen.setdefault(src, i)
    by_src = {src: en for _, src, en in rows}
    if seeds and os.path.isdir(seeds_dir):
        for key, (lang, fname) in seeds.items():
            for line in seed_lines(os.path.join(seeds_dir, fname)):
                for s in split_sentences(line):
                    if s not in by_src:
                        errors.append(f'seed {key}: sentence missing from phrasebook: {s}')
    elif seeds:
        print(f'note: {seeds_dir} not found, seed coverage not checked')
    for e in errors:
        print('ERROR', e)
    counts = {}
    for lang, _, _ in rows:
        counts[lang] = counts.get(lang, 0) + 1
    print(f'{os.path.relpath(path, REPO)}: {len(rows)} entries {counts}; {len(errors)} errors')
    return 1 if errors else 0


def seed_english(path: str, seeds_dir: str) -> None:
    by_src = {src: en for _, src, en in read_phrasebook(path)}
    for key, (_, fname) in SEEDS.items():
        out = []
        for line in seed_lines(os.path.join(seeds_dir, fname)):
            out.append(' '.join(by_src[s] for s in split_sentences(line)))
        target = os.path.join(os.path.dirname(path), f'seed-{key}.en.txt')
        with open(target, 'w', encoding='utf-8') as f:
            f.write('\n'.join(out) + '\n')
        print(f'wrote {target} ({len(out)} lines)')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', choices=['check', 'seed-en', 'stats'])
    ap.add_argument('--phrasebook', default=PHRASEBOOK)
    ap.add_argument('--seeds', default=DEFAULT_SEEDS)
    args = ap.parse_args()
    if args.command == 'check':
        # a phrasebook of another fixture (--phrasebook) covers no sample article
        failed = check(args.phrasebook, args.seeds, SEEDS if args.phrasebook == PHRASEBOOK else {})
        if args.phrasebook == PHRASEBOOK:
            failed |= check(DEMO_PHRASEBOOK, args.seeds, DEMO_SEEDS)
            test_rows = read_phrasebook(PHRASEBOOK)
            if read_phrasebook(DEMO_PHRASEBOOK)[:len(test_rows)] != test_rows:
                print('ERROR the demo phrasebook does not begin with the test phrasebook')
                failed = 1
        return failed
    if args.command == 'seed-en':
        seed_english(args.phrasebook, args.seeds)
        return 0
    rows = read_phrasebook(args.phrasebook)
    for lang in ('ar', 'he'):
        sub = [r for r in rows if r[0] == lang]
        print(lang, len(sub), 'entries, longest source', max(len(r[1].split()) for r in sub), 'words')
    return 0


if __name__ == '__main__':
    sys.exit(main())

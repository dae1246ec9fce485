export const usage = `Usage: targum <command> [options]

Targum's command-line tool: the same services and models as the app, for batch work.

Commands:
  translate FILE|- [--from he|ar|en] [--to en] [--model DIR|ID]
            [--format txt|tsv|csv|json|tmx|xliff|moses|html|docx]
            [--out PATH] [--segmented] [--beams N] [--threads N] [--dtype q8|fp32]
                       Translate a text file (or standard input) sentence by sentence
  align SRC TGT [--from LANG] [--to LANG] [--segmented] [--keep-boilerplate] [--src-mt FILE] [--tgt-mt FILE]
        [--unit sentence|paragraph] [--format tsv|csv|json|tmx|xliff|moses|html|docx] [--out PATH]
                       Link the sentences (or paragraphs) of a text and its translation: 1-1, 2-1,
                       1-2, 2-2, 3-1, 1-3, 1-0 and 0-1 links in order, each with a confidence from 0 to 1;
                       tsv: source<TAB>target<TAB>type<TAB>confidence per link; csv with a header;
                       json: {version, from, to, links: [{source, target, type, confidence}]}.
                       --src-mt/--tgt-mt (with --segmented): a translation of SRC's/TGT's sentences
                       into English, one line per sentence, compared with the other side.
                       Site boilerplate of article files is left out unless --keep-boilerplate
                       (--segmented input is aligned exactly as given). When most of SRC and TGT
                       do not correspond, one line on stderr starts "targum: warning: "
  import FILE|FOLDER [--encoding NAME] [--from LANG] [--json]
                                   What importing a .txt, .md, .html, .htm or .docx file gives: title,
                                   language, encoding, outlet, date, paragraphs with their sentences,
                                   and which ones are boilerplate (web pages: the article only);
                                   for a FOLDER, each file's result, other types listed as skipped
  models list [--json]             The installed models (targum-demo, bundled: a demo that knows only
                                   the sample articles)
  models install ID                Download a model from the catalog (progress on stderr)
  models import DIR [--id ID] [--from LANG --to LANG]
                                   Copy a model folder into Targum's models folder; --from/--to give
                                   the direction of a folder whose name does not say its languages
  models remove ID                 Remove an installed or imported model
  info [--json]                    Version, data folder and models folder
  --help, --version

Options:
  --from LANG      Language of the input; detected from the script when omitted
  --to LANG        Language of the translation (default en)
  --model DIR|ID   A model folder, or the id of an installed model (default: the recommended one;
                   the demo model when no other translates the direction). For a folder whose name
                   does not say its languages, --from and --to are its direction
  --format NAME    txt (default): the translation; tsv: source<TAB>translation per sentence;
                   csv: source,translation,status; json: {version, from, to, model, paragraphs:
                   [{sentences: [...]}]}; tmx (1.4b), xliff (1.2), html (two columns), docx (Word
                   table), moses (two files, one sentence per line); see docs/formats.md
  --out PATH       Write to PATH instead of standard output (required for docx; for moses
                   a prefix: PATH.<from> and PATH.<to> are written)
  --segmented      Input has one sentence per line and blank lines between paragraphs
  --beams N        Beam search with N beams (default 1: greedy)
  --threads N      Translation threads for this run
  --dtype NAME     Precision: q8 (the quantised files) or fp32; default: the model's own choice
                   (q8, or fp32 when a first check finds its q8 files unreliable; a note says so)

Every command exits 0 on success; on bad input it exits non-zero with one line on stderr starting "targum: ".
Data folder: the platform's per-user application folder (TARGUM_DATA_DIR overrides it; TARGUM_MODELS_DIR the models).
`;

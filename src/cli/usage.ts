export const usage = `Usage: targum <command> [options]

Targum's command-line tool: the same services as the app, for batch work.

Commands:
  info [--json]        Version, data folder and models folder
  --help               This help
  --version            The version

Common options (as commands arrive):
  --from he|ar|en      Language of the input (detected from the script when omitted)
  --to en|he|ar        Language of the translation or target text
  --model DIR|ID       A model folder or the id of an installed model
  --format NAME        Output format
  --out PATH           Write to PATH instead of stdout

Every command exits 0 on success; on bad input it exits non-zero with one line on stderr starting "targum: ".
Data folder: the platform's per-user application folder (TARGUM_DATA_DIR overrides it; TARGUM_MODELS_DIR the models).
`;

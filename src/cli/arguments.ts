import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into one-line usage errors for `command`. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args: withDashValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Unknown option/, 'unknown option').replace(/\. To specify.*$/s, '') : String(error);
    throw new CliError(`${command}: ${message}`);
  }
}

/**
 * Joins a value option to a following argument that starts with a dash but is not an option
 * (`--threads -3` becomes `--threads=-3`), so the value reaches its check and is named there; parseArgs
 * would only call it ambiguous.
 */
function withDashValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const valueOption = name !== undefined && options[name]?.type === 'string';
    if (valueOption && next !== undefined && /^-[^-]/.test(next) && !Object.values(options).some((option) => `-${option.short ?? ''}` === next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${command}: --${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function positiveInteger(command: string, option: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new CliError(`${command}: --${option} must be a whole number from 1 to ${max}, not "${value}"`);
  return number;
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util's parseArgs, with its errors turned into one-line usage errors for `command`. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^Unknown option/, 'unknown option').replace(/\. To specify.*$/s, '') : String(error);
    throw new CliError(`${command}: ${message}`);
  }
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

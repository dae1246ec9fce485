export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read whole (for `-`). */
  stdin(): Promise<Uint8Array>;
  env: NodeJS.ProcessEnv;
}

/** Bad input: the message becomes the one `targum: ` line; exit code 2 for usage errors. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
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

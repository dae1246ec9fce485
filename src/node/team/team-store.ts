import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { teamConfigSchema, type TeamConfig, type TeamConfigure, type TeamView } from '../../common/team/team-config';
import { writeFileAtomic } from '../fs/atomic-write';
import { isLoopbackHost } from '../net/address-policy';
import { privateCredentialFile, type CredentialStore } from './credential-store';

/** The files of a team space in the data folder: its settings, and the password as each kind of host keeps it. */
export function teamFiles(dataDir: string) {
  return {
    config: path.join(dataDir, 'team.json'),
    /** The web host's and the command line's: mode 0600. */
    password: path.join(dataDir, 'team-password.json'),
    /** The desktop's: encrypted with the system's keychain (Electron's safeStorage). */
    encryptedPassword: path.join(dataDir, 'team-password.safe'),
  };
}

/** A team space's settings that cannot be saved; the message is one line for Settings. */
export class TeamConfigError extends Error {}

/** The team server and the credentials to reach it, for the relay and the check; never sent to the interface. */
export interface TeamConnection {
  config: TeamConfig;
  /** Undefined for a server that needs no login. */
  password: string | undefined;
}

/**
 * The server's address as it is kept: https, or http on this machine only (a test server, or a tunnel to
 * the real one); no credentials, query or fragment in it; no trailing slash.
 */
export function checkedServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TeamConfigError(`"${raw}" is not a web address; give the team server's address, such as https://couch.example.org.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new TeamConfigError('The team server’s address must start with https:// (plain http is allowed only for this machine: localhost or 127.0.0.1).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TeamConfigError('The team server’s address must start with https://.');
  if (url.username || url.password) throw new TeamConfigError('Give the user name and password in their own fields, not in the address.');
  if (url.search || url.hash) throw new TeamConfigError('The team server’s address takes no query (?…) or fragment (#…).');
  return url.href.replace(/\/+$/, '');
}

/** The team space's settings as JSON in the data folder (team.json), and its password in a credential store. */
export class TeamStore {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly credentials: CredentialStore,
    private readonly warn: (message: string) => void,
  ) {
    this.file = teamFiles(dataDir).config;
  }

  /**
   * The settings, or null when no team is configured. A damaged team.json is set aside (and said in the log)
   * and reads as no team until the team is saved again.
   */
  async config(): Promise<TeamConfig | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    let problem: string;
    try {
      const parsed = teamConfigSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const aside = `${this.file}.invalid-${Date.now()}`;
    if (await rename(this.file, aside).then(() => true, () => false)) {
      this.warn(`team settings file was not valid (${problem}); kept it as ${aside}, and no team is configured until one is saved`);
    }
    return null;
  }

  async view(): Promise<TeamView> {
    const config = await this.config();
    return { config, hasPassword: config !== null && (await this.credentials.read()) !== undefined };
  }

  async connection(): Promise<TeamConnection | undefined> {
    const config = await this.config();
    return config ? { config, password: await this.credentials.read() } : undefined;
  }

  /**
   * Saves the settings. A password left out keeps the stored one; an empty one, or an empty user name,
   * forgets it (a server without login).
   */
  async save({ password, ...settings }: TeamConfigure): Promise<TeamConfig> {
    const config = teamConfigSchema.parse({ ...settings, serverUrl: checkedServerUrl(settings.serverUrl), memberName: settings.memberName.trim() });
    if (config.user === '' || password === '') await this.credentials.clear();
    else if (password !== undefined) await this.credentials.write(password);
    await writeFileAtomic(this.file, `${JSON.stringify(config, null, 2)}\n`);
    return config;
  }

  /** Forgets the team: its settings, and the password as every host keeps it (the desktop and the web host share the folder). */
  async leave(): Promise<void> {
    await this.credentials.clear();
    const { password, encryptedPassword } = teamFiles(this.dataDir);
    await Promise.all([password, encryptedPassword].map((file) => rm(file, { force: true })));
    await rm(this.file, { force: true });
  }
}

/** The team store of the web host and the command line: the password in a file of mode 0600 in the data folder. */
export function privateTeamStore(dataDir: string, warn: (message: string) => void): TeamStore {
  return new TeamStore(dataDir, privateCredentialFile(teamFiles(dataDir).password), warn);
}

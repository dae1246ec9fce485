import { z } from 'zod';

/**
 * The path on the page's own origin that each host relays to the team's one CouchDB database: the web host
 * under its own address, the desktop host through its `app://` protocol. `${teamRelayPath}/` is the database
 * itself, `${teamRelayPath}/_changes` its changes feed, and so on. The host adds the credentials; the page
 * never sees them.
 */
export const teamRelayPath = '/team-sync';

/** The header that carries the web host's per-run token on relayed sync requests (never the address). */
export const teamTokenHeader = 'x-targum-token';

/** A CouchDB database name: lower-case letter first, then lower-case letters, digits and _$()+-/. */
export const teamDatabaseSchema = z
  .string()
  .min(1)
  .max(238)
  .regex(/^[a-z][a-z0-9_$()+/-]*$/, 'a CouchDB database name: a lower-case letter first, then lower-case letters, digits or _$()+-/');

/** A team space as configured in Settings → Team. The server must be https, except on loopback. */
export const teamConfigSchema = z.strictObject({
  serverUrl: z.url({ protocol: /^https?$/ }).max(2048),
  database: teamDatabaseSchema,
  /** Empty for a server that needs no login. */
  user: z.string().max(200),
  /** Who this member is: recorded with every entry they share. */
  memberName: z.string().trim().min(1).max(100),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

/** The team space as the interface may see it: everything but the password. */
export const teamViewSchema = z.object({ config: teamConfigSchema.nullable(), hasPassword: z.boolean() });
export type TeamView = z.infer<typeof teamViewSchema>;

/** Saving a team space; a password left out keeps the one stored. */
export const teamConfigureSchema = teamConfigSchema.extend({ password: z.string().max(1000).optional() });
export type TeamConfigure = z.infer<typeof teamConfigureSchema>;

export const teamConnectionStates = ['not-configured', 'connected', 'offline', 'unauthorized', 'no-database', 'failed'] as const;
export type TeamConnectionState = (typeof teamConnectionStates)[number];

/** How the team's server answered, with one line for Settings ("The server refused the user name or password."). */
export const teamStatusSchema = z.object({ state: z.enum(teamConnectionStates), message: z.string().max(500) });
export type TeamStatus = z.infer<typeof teamStatusSchema>;

import { z } from 'zod';
import { createApiDispatcher } from '../../common/api/dispatcher';
import { serveApiOverPort, type TextPort } from '../../common/rpc/channel';
import { createNodeServices } from './index';
import { hostKinds } from '../../common/api/contract';

/** What a host tells the services process or thread it starts; validated there, since it crosses a boundary. */
export const servicesStartSchema = z.object({
  host: z.enum(hostKinds),
  app: z.object({ name: z.string(), version: z.string() }),
  paths: z.object({ dataDir: z.string(), modelsDir: z.string(), backupsDir: z.string(), logsDir: z.string(), settingsFile: z.string() }),
  resourcesDir: z.string(),
  runtime: z.object({ node: z.string(), electron: z.string().optional() }),
});
export type ServicesStart = z.infer<typeof servicesStartSchema>;

/** Runs the Node services behind a message port: the body of the utility process and of the web host's worker. */
export function serveNodeServices(start: unknown, port: TextPort, log: (message: string) => void): void {
  const options = servicesStartSchema.parse(start);
  const services = createNodeServices({ ...options, log });
  serveApiOverPort(
    port,
    createApiDispatcher(services, (method, error) => log(`${method} failed: ${error instanceof Error ? error.message : String(error)}`)),
    log,
  );
}

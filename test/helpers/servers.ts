import { createServer, type Server } from 'node:net';
import { afterEach } from 'vitest';
import { startMockSmsServer, type MockSmsServer, type MockSmsServerOptions } from '../../src/testing/mock-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A mock SMS server on a free port, closed after the current test. */
export async function mockServer(options?: MockSmsServerOptions): Promise<MockSmsServer> {
  const server = await startMockSmsServer(options);
  cleanups.push(() => server.close());
  return server;
}

/** A loopback URL where nothing listens: the port was free a moment ago and is closed again. */
export async function refusedEndpoint(): Promise<string> {
  const server: Server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { elapsedMs } from './stats.ts';

export interface TimedResponse {
  status: number;
  body: string;
  ms: number;
}

/** One keep-alive connection from a chosen loopback source address, timing each request end to end. */
export class LoopbackClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;
  constructor(
    address: string,
    private readonly localAddress = '127.0.0.1',
  ) {
    this.url = new URL(address);
  }

  request(method: 'GET' | 'POST', path: string, json?: object): Promise<TimedResponse> {
    const payload = json ? JSON.stringify(json) : undefined;
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: elapsedMs(started) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `total` requests over `connections` parallel keep-alive connections; returns requests per second. */
export async function throughput(address: string, path: string, total: number, connections: number): Promise<number> {
  const clients = Array.from({ length: connections }, () => new LoopbackClient(address));
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (client) => {
      while (next < total) {
        next++;
        const res = await client.request('GET', path);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      }
    }),
  );
  const seconds = elapsedMs(started) / 1000;
  for (const client of clients) client.close();
  return total / seconds;
}

const BARE_SERVER = `
const http = require('node:http');
const body = process.argv[1];
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;

/** A bare node:http server in its own process answering every request with `body`: the floor for any HTTP answer here. */
export async function startBareServer(body: string): Promise<{ address: string; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ['-e', BARE_SERVER, body], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${String(code)}`)));
  });
  return { address: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

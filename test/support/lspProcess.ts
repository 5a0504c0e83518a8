// A plain JSON-RPC client for a language server over stdio: Content-Length framing written here,
// so tests speak LSP exactly as any non-VS Code editor would, and can send malformed bytes too.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export class LspProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters = new Set<{ method: string; test: (params: unknown) => boolean; resolve: (params: unknown) => void }>();
  /** Every notification the server sent, in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Requests the server sent to the client (registerCapability and the like); each is answered with null. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  stderr = '';
  private exited = false;

  /** `env` is added to this process's environment (a cache folder of the test's own, say); `nodeFlags` go to Node. */
  constructor(serverFile: string, args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = {}, nodeFlags: readonly string[] = []) {
    this.child = spawn(process.execPath, [...nodeFlags, serverFile, ...args], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.child.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`server exited; stderr: ${this.stderr}`));
      this.pending.clear();
    });
  }

  get running(): boolean {
    return !this.exited;
  }

  /** The server process's id (the benchmark reads its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Writes one framed message whose body is exactly `body`, whatever its bytes. */
  sendRaw(body: Buffer): void {
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown): void {
    this.sendRaw(Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8'));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      this.sendRaw(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method, params }), 'utf8'));
    });
  }

  /** A mark for `waitFor`: notifications from now on. */
  mark(): number {
    return this.notifications.length;
  }

  /** The first notification `method` since `after` (already received or still to come) whose params pass `test`. */
  waitFor<T>(method: string, test: (params: T) => boolean = () => true, after = 0, timeoutMs = 30_000): Promise<T> {
    const seen = this.notifications.slice(after).find((notification) => notification.method === method && test(notification.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        method,
        test: test as (params: unknown) => boolean,
        resolve: (params: unknown) => {
          clearTimeout(timer);
          resolve(params as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${method} notification passed the test within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** shutdown, exit, and a kill if the process is still there a few seconds later. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    try {
      await Promise.race([this.request('shutdown', null), exited]);
      this.notify('exit', null);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    clearTimeout(killTimer);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      this.sendRaw(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: null }), 'utf8'));
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const waiter of [...this.waiters]) {
        if (waiter.method === message.method && waiter.test(message.params)) {
          this.waiters.delete(waiter);
          waiter.resolve(message.params);
        }
      }
    } else if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new LspError(message.error.code, message.error.message));
      else waiting?.resolve(message.result);
    }
  }
}

/**
 * Test support: a TCP proxy in front of a local port (the server, Redis) that can go silent, as a
 * dead Wi-Fi or a blocked link does: open sockets stay open but carry nothing, until restored.
 */
import net from 'node:net';

export class SilenceableProxy {
  private silent = false;
  private readonly pairs = new Set<[net.Socket, net.Socket | null]>();
  private readonly server: net.Server;

  constructor(private readonly target: number) {
    this.server = net.createServer((client) => {
      const pair: [net.Socket, net.Socket | null] = [client, null];
      this.pairs.add(pair);
      client.on('close', () => this.pairs.delete(pair));
      client.on('error', () => {});
      if (this.silent) return; // accepted, never answered
      const upstream = net.connect(this.target, '127.0.0.1');
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      pair[1] = upstream;
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  listen(): Promise<string> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as net.AddressInfo;
        resolve(`http://127.0.0.1:${port}`);
      }),
    );
  }

  /** Stops forwarding in both directions without closing anything (no FIN, no RST). */
  goSilent(): void {
    this.silent = true;
    for (const [client, upstream] of this.pairs) {
      if (!upstream) continue;
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** The network is back: the stranded sockets die, new ones work. */
  restore(): void {
    this.silent = false;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream?.destroy();
    }
  }

  close(): Promise<void> {
    this.restore();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

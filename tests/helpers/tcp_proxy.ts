/**
 * Test helper: a TCP proxy on 127.0.0.1 in front of a database server, which a test can
 * cut (close every connection and stop listening) to make the database unreachable
 * mid-run.
 *
 * Techniques: `Deno.listen`/`Deno.connect` with stream piping both ways; every socket is
 * tracked so `cut()` closes them all.
 *
 * @module
 */

/** A running proxy. */
export interface TcpProxy {
  /** The port to connect to instead of the server's. */
  port: number;
  /** Closes all connections and stops accepting new ones. */
  cut(): void;
}

/** Starts a proxy forwarding to `target`. */
export function startTcpProxy(target: { hostname: string; port: number }): TcpProxy {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const sockets = new Set<Deno.Conn>();
  let open = true;
  const pump = async (from: Deno.Conn, to: Deno.Conn) => {
    try {
      await from.readable.pipeTo(to.writable);
    } catch {
      // a cut connection ends the pump
    }
  };
  (async () => {
    try {
      for await (const client of listener) {
        if (!open) {
          client.close();
          continue;
        }
        const server = await Deno.connect(target);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      }
    } catch {
      // listener closed
    }
  })();
  return {
    port: (listener.addr as Deno.NetAddr).port,
    cut() {
      open = false;
      try {
        listener.close();
      } catch {
        // already closed
      }
      for (const socket of sockets) {
        try {
          socket.close();
        } catch {
          // already closed
        }
      }
      sockets.clear();
    },
  };
}

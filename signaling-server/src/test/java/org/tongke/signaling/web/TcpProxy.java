package org.tongke.signaling.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay standing in for a rural link that drops: {@link #cut} ends every connection
 * through it without a WebSocket close (as a dead router does), {@link #block} refuses new ones
 * until {@link #unblock}, {@link #retarget} sends new ones elsewhere (as a load balancer does once
 * a node stopped), or a node's link to Redis that breaks. Made with {@link #routing}, it is also the front a deployment's nginx
 * is: connections whose first request's path starts with a prefix go to another port (the bridge's
 * {@code /colibri-ws/}), so the console and its bridge channels share one origin.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private volatile int target;
    private final String routedPrefix;
    private final int routedTarget;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean blocked;

    private TcpProxy(ServerSocket listener, int target, String routedPrefix, int routedTarget) {
        this.listener = listener;
        this.target = target;
        this.routedPrefix = routedPrefix;
        this.routedTarget = routedTarget;
    }

    public static TcpProxy to(int targetPort) throws IOException {
        return start(new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort, null, 0));
    }

    /** To {@code targetPort}, but requests for paths under {@code prefix} to {@code prefixPort}. */
    static TcpProxy routing(int targetPort, String prefix, int prefixPort) throws IOException {
        return start(new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort, prefix,
                prefixPort));
    }

    private static TcpProxy start(TcpProxy proxy) {
        Thread accept = new Thread(proxy::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** New connections go to {@code port} from now on (a load balancer's live node); those open stay. */
    void retarget(int port) {
        target = port;
    }

    public void block() {
        blocked = true;
    }

    public void unblock() {
        blocked = false;
    }

    /** Closes both ends of every relayed connection. */
    public void cut() {
        sockets.forEach(TcpProxy::quietClose);
        sockets.clear();
    }

    @Override
    public void close() {
        quietClose(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (blocked) {
                    client.close();
                    continue;
                }
                if (routedPrefix == null) {
                    relay(client, target, new byte[0]);
                } else {
                    Thread route = new Thread(() -> route(client), "proxy-route");
                    route.setDaemon(true);
                    route.start();
                }
            } catch (IOException e) {
                // the listener closed, or the server refused one connection: the next one may do
            }
        }
    }

    /** Reads the request line ({@code GET /path HTTP/1.1}) to choose where the connection goes. */
    private void route(Socket client) {
        try {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            InputStream in = client.getInputStream();
            for (int b; (b = in.read()) >= 0 && line.size() < 8192; ) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
            }
            String[] request = line.toString(java.nio.charset.StandardCharsets.ISO_8859_1).split(" ");
            boolean routed = request.length > 1 && request[1].startsWith(routedPrefix);
            relay(client, routed ? routedTarget : target, line.toByteArray());
        } catch (IOException e) {
            quietClose(client);
        }
    }

    private void relay(Socket client, int port, byte[] already) throws IOException {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), port);
        server.getOutputStream().write(already);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut, or one side went away
            } finally {
                quietClose(from);
                quietClose(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void quietClose(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

package vn.motcua.cluster;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of the nodes, as in docs/operations.md: round robin, a node that refuses connections is
 * skipped for a few seconds and the request passed to the next (a request that never reached a node is safe to pass
 * on, even a POST). Each answer names the node that gave it (X-Upstream).
 */
final class Proxy implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    final int port;
    private final Process process;

    Proxy(Path dir, List<Node> nodes) throws Exception {
        port = Node.freePort();
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        String upstreams = nodes.stream().map(n -> "    server 127.0.0.1:" + n.port + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(prefix.resolve("nginx.conf"), user + """
                worker_processes 1;
                error_log logs/error.log warn;
                pid logs/nginx.pid;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path temp/body;
                  proxy_temp_path temp/proxy;
                  fastcgi_temp_path temp/fastcgi;
                  uwsgi_temp_path temp/uwsgi;
                  scgi_temp_path temp/scgi;
                  client_max_body_size 60m;
                  upstream motcua {
                %s
                    keepalive 16;
                  }
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://motcua;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 2s;
                      proxy_next_upstream error timeout;
                      add_header X-Upstream $upstream_addr always;
                    }
                  }
                }
                """.formatted(upstreams, port));
        process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", "nginx.conf", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("logs/stdout.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

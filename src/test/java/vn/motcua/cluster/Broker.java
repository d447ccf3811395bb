package vn.motcua.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscriber on the RabbitMQ of this machine (127.0.0.1:5672, guest): its own queue bound to every dossier event of
 * the exchange the nodes publish to. {@code null} from {@link #open()} when RabbitMQ is not installed here; installed
 * but not answering is an error (.ci/run starts it).
 */
final class Broker implements AutoCloseable {
    static final String EXCHANGE = "motcua.events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private int repeats;

    record Received(String id, String type, String code, JsonNode body) {
    }

    private Broker(Connection connection) throws Exception {
        this.connection = connection;
        this.channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        queue = channel.queueDeclare("motcua.cluster-test." + ProcessHandle.current().pid(), false, true, true, null).getQueue();
        channel.queueBind(queue, EXCHANGE, "dossier.#");
    }

    static Broker open() throws Exception {
        if (!Files.exists(Path.of("/usr/sbin/rabbitmq-server")) && !Files.exists(Path.of("/usr/lib/rabbitmq"))) {
            return null;
        }
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setPort(5672);
        f.setUsername("guest");
        f.setPassword("guest");
        return new Broker(f.newConnection("motcua-cluster-test"));
    }

    /** Every message until the queue stays empty for {@code quiet}, keyed by message id (a repeat is counted, not kept). */
    Map<String, Received> drain(Duration quiet) throws Exception {
        Map<String, Received> out = new LinkedHashMap<>();
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < quiet.toNanos()) {
            GetResponse r = channel.basicGet(queue, true);
            if (r == null) {
                Thread.sleep(100);
                continue;
            }
            idleSince = System.nanoTime();
            JsonNode body = JSON.readTree(r.getBody());
            String id = r.getProps().getMessageId();
            if (out.putIfAbsent(id, new Received(id, body.path("type").asText(), body.path("code").asText(), body)) != null) {
                repeats++;
            }
        }
        return out;
    }

    int repeats() {
        return repeats;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}

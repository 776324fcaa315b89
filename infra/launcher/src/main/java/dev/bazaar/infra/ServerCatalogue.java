package dev.bazaar.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Every backing server the local run needs, in the order status lists them. */
final class ServerCatalogue {

    private final List<Server> servers;

    ServerCatalogue(Layout layout) {
        this.servers = List.of(
                new KafkaServer(layout),
                new ElasticsearchServer(layout),
                new MongoServer(layout),
                new MariaDbServer(layout),
                new RedisServer(layout),
                new CassandraServer(layout),
                new GreenMailServer(layout));
    }

    List<Server> all() {
        return servers;
    }

    /** The named servers, or all of them when none is named. */
    List<Server> select(List<String> names) {
        if (names.isEmpty()) {
            return servers;
        }
        List<Server> selected = new ArrayList<>();
        for (String name : names) {
            Server server = servers.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new LaunchException("unknown server '" + name + "'; known: " + names()));
            if (!selected.contains(server)) {
                selected.add(server);
            }
        }
        return selected;
    }

    String names() {
        return servers.stream().map(Server::name).collect(Collectors.joining(", "));
    }
}

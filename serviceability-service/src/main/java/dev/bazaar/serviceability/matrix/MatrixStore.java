package dev.bazaar.serviceability.matrix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The matrix in Redis: one string per pincode, {@code <prefix>svc:m:<pincode>}, holding the packed
 * {@link dev.bazaar.serviceability.tat.TatEntry} row. Reads are one GET; writes are pipelined in
 * chunks so a full rebuild costs a few round trips, not one per pincode.
 */
public class MatrixStore {

    private static final int PIPELINE_CHUNK = 1000;

    private final RedisTemplate<byte[], byte[]> redis;
    private final String keyPrefix;

    public MatrixStore(RedisConnectionFactory connections, String keyPrefix) {
        this.redis = new RedisTemplate<>();
        redis.setConnectionFactory(connections);
        redis.setKeySerializer(RedisSerializer.byteArray());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
        this.keyPrefix = keyPrefix + "svc:m:";
    }

    public byte[] key(String pincode) {
        return (keyPrefix + pincode).getBytes(StandardCharsets.US_ASCII);
    }

    /** The row of a pincode, or null when the pincode is not in the network. */
    public byte[] row(String pincode) {
        return redis.execute((RedisCallback<byte[]>)
                connection -> connection.stringCommands().get(key(pincode)));
    }

    public void write(Map<String, byte[]> rows, Collection<String> removed) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(rows.entrySet());
        for (int from = 0; from < entries.size(); from += PIPELINE_CHUNK) {
            List<Map.Entry<String, byte[]>> chunk =
                    entries.subList(from, Math.min(entries.size(), from + PIPELINE_CHUNK));
            redis.executePipelined((RedisCallback<Object>) connection -> {
                chunk.forEach(e -> connection.stringCommands().set(key(e.getKey()), e.getValue()));
                return null;
            });
        }
        if (!removed.isEmpty()) {
            redis.execute((RedisConnection connection) ->
                    connection.keyCommands().del(removed.stream().map(this::key).toArray(byte[][]::new)));
        }
    }
}

package io.lectern.eventbus;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who this process is on the bus: the producer (= the service's schema, which also holds its outbox and
 * inbox), its consumer group (= the application name) and its instance id (= consumer name and lease owner).
 */
record BusIdentity(String namespace, String schema, String group, String instance) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    BusIdentity {
        // the schema is spliced into SQL, so only a plain identifier is accepted
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("lectern.service.schema must be a plain identifier: " + schema);
        }
    }

    String producer() {
        return schema;
    }

    String streamKey(String producer) {
        return namespace + ":events:" + producer;
    }

    String deadLetterKey(String producer) {
        return streamKey(producer) + ":dlq";
    }

    String table(String name) {
        return schema + "." + name;
    }

    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}

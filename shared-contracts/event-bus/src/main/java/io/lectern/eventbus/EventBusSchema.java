package io.lectern.eventbus;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the outbox and inbox in the service's schema with a Flyway of the bus's own (own history
 * table, own locations), so the bus's versions never interleave with the service's. Runs after the
 * service's own Flyway, because that one refuses a non-empty schema without its history table.
 */
final class EventBusSchema {

    static final String HISTORY_TABLE = "event_bus_schema_history";

    private EventBusSchema() {}

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .locations("classpath:db/event-bus")
                // the service's tables may already be there: the bus starts its own history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

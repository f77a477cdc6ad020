package io.lectern.identity.account;

import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.eventbus.EventPublisher;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Emits {@link UserProfileChanged} with everything other services copy: the profile and the two
 * email preferences. Called in the transaction that made the change, after the version was bumped.
 */
@Component
public class ProfileChanges {

    private final Users users;
    private final JdbcClient jdbc;
    private final EventPublisher events;

    ProfileChanges(Users users, JdbcClient jdbc, EventPublisher events) {
        this.users = users;
        this.jdbc = jdbc;
        this.events = events;
    }

    public void publish(UUID userId) {
        UserAccount u = users.findById(userId).orElseThrow();
        boolean[] prefs = jdbc.sql("SELECT digest_opt_in, notification_emails FROM user_settings WHERE user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                .optional()
                .orElse(new boolean[] {false, true});
        events.publish(
                userId.toString(),
                new UserProfileChanged(
                        userId,
                        u.displayName(),
                        u.avatarUrl(),
                        u.locale(),
                        u.timeZone(),
                        prefs[0],
                        prefs[1],
                        u.version()));
    }
}

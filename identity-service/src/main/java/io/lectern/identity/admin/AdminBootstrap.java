package io.lectern.identity.admin;

import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.contracts.events.identity.UserRoleChanged;
import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.account.PasswordHasher;
import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.identity.referral.Referrals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first admin without SQL: promotes the account with the configured address to admin, or,
 * when no account has it and a password is given, creates a verified admin account. Runs at start-up
 * ({@code LECTERN_ADMIN_EMAIL}, {@code LECTERN_ADMIN_PASSWORD}; compose) and as the one-shot run
 * behind {@code ./lectern admin EMAIL}. Emits the same events as the admin API and registration, so
 * every other service learns about the account and its roles.
 */
public final class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    public enum Outcome {
        CREATED,
        PROMOTED,
        ALREADY_ADMIN
    }

    private final Users users;
    private final PasswordHasher hasher;
    private final EventPublisher events;
    private final TransactionTemplate tx;

    public AdminBootstrap(Users users, PasswordHasher hasher, EventPublisher events, TransactionTemplate tx) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.tx = tx;
    }

    /**
     * @throws IllegalArgumentException when no account has the address and no usable password is given
     */
    public Outcome ensureAdmin(String email, String password) {
        Outcome outcome = tx.execute(status -> {
            Optional<UserAccount> existing = users.lockByEmail(email);
            if (existing.isPresent()) {
                return promote(existing.get());
            }
            if (password.isBlank()) {
                throw new IllegalArgumentException("No account has the address " + email
                        + "; give a password (LECTERN_ADMIN_PASSWORD) to create it.");
            }
            PasswordHasher.checkPolicy("password", password);
            UUID id = UUID.randomUUID();
            String displayName =
                    email.substring(0, Math.max(1, email.indexOf('@'))).trim();
            users.insert(new Users.NewUser(
                    id, email, true, hasher.hash(password), displayName, "UTC", "en", null, Referrals.newCode()));
            events.publish(
                    id.toString(), new UserRegistered(id, email.trim(), displayName, "en", "UTC", null, Instant.now()));
            promote(users.lockById(id).orElseThrow());
            return Outcome.CREATED;
        });
        log.info("Admin bootstrap for {}: {}", email, outcome);
        return outcome;
    }

    private Outcome promote(UserAccount account) {
        if (account.roles().contains("admin")) {
            return Outcome.ALREADY_ADMIN;
        }
        List<String> roles = new ArrayList<>(account.roles());
        roles.add("admin");
        roles = roles.stream().distinct().sorted().toList();
        long version = users.setRoles(account.id(), roles);
        events.publish(account.id().toString(), new UserRoleChanged(account.id(), roles, account.id(), version));
        return Outcome.PROMOTED;
    }
}

package io.lectern.identity.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin ({@link AdminBootstrap}).
 *
 * @param email the address to make admin at start-up ({@code LECTERN_ADMIN_EMAIL}); empty = nothing to do
 * @param password used only when no account has the address yet ({@code LECTERN_ADMIN_PASSWORD})
 * @param exitAfter stop the process once done: the one-shot run behind {@code ./lectern admin EMAIL}
 */
@ConfigurationProperties("lectern.identity.admin")
public record AdminBootstrapProperties(
        @DefaultValue("") String email,
        @DefaultValue("") String password,
        @DefaultValue("false") boolean exitAfter) {}

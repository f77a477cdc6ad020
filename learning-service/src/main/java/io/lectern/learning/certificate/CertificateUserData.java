package io.lectern.learning.certificate;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A user's certificates in the learning export. On deletion their status bits are set before the rows
 * go: a credential copied elsewhere then checks as revoked, since we no longer vouch for it.
 */
@Component
class CertificateUserData implements UserDataEraser, UserDataExporter {

    record Exported(
            UUID id,
            UUID seriesId,
            String seriesTitle,
            String level,
            Instant issuedAt,
            @Nullable Instant revokedAt,
            String credential) {}

    private final CertificateStore store;
    private final StatusLists statusLists;

    CertificateUserData(CertificateStore store, StatusLists statusLists) {
        this.store = store;
        this.statusLists = statusLists;
    }

    @Override
    public void erase(UUID userId) {
        for (CertificateStore.Row r : store.forUser(userId)) {
            statusLists.revoke(r.statusIndex());
        }
        store.delete(userId);
    }

    @Override
    public String section() {
        return "certificates";
    }

    @Override
    public Object export(UUID userId) {
        return store.forUser(userId).stream()
                .map(r -> new Exported(
                        r.id(),
                        r.seriesId(),
                        r.seriesTitle(),
                        r.level().name(),
                        r.issuedAt(),
                        r.revokedAt(),
                        r.credential()))
                .toList();
    }
}

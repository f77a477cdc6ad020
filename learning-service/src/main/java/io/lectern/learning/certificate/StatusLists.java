package io.lectern.learning.certificate;

import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revocation status list in the database. Indexes are handed out at random (not in issue order,
 * so an index says nothing about when or to whom a certificate was issued), never twice: a bit
 * already set or an index held by a certificate is skipped.
 */
@Component
class StatusLists {

    static final int LIST_ID = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CertificateProperties props;

    StatusLists(JdbcClient jdbc, CertificateProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /** Reserves a free index in the caller's transaction (the list row stays locked until it commits). */
    @Transactional(propagation = Propagation.MANDATORY)
    int allocate() {
        StatusList list = lockedList();
        for (int tries = 0; tries < 10_000; tries++) {
            int index = RANDOM.nextInt(list.size());
            if (list.get(index)) {
                continue;
            }
            Boolean taken = jdbc.sql(
                            "SELECT EXISTS (SELECT 1 FROM certificate WHERE status_list = :list AND status_index = :i)")
                    .param("list", LIST_ID)
                    .param("i", index)
                    .query(Boolean.class)
                    .single();
            if (!taken) {
                return index;
            }
        }
        throw new IllegalStateException("the certificate status list is full");
    }

    /** Sets the revocation bit, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void revoke(int index) {
        StatusList list = lockedList();
        list.set(index, true);
        jdbc.sql("UPDATE certificate_status_list SET bits = :bits, updated_at = now() WHERE id = :id")
                .param("bits", list.raw())
                .param("id", LIST_ID)
                .update();
    }

    StatusList current() {
        Optional<byte[]> bits = jdbc.sql("SELECT bits FROM certificate_status_list WHERE id = :id")
                .param("id", LIST_ID)
                .query(byte[].class)
                .optional();
        return bits.map(StatusList::of).orElseGet(() -> StatusList.empty(props.statusListSize()));
    }

    private StatusList lockedList() {
        jdbc.sql(
                        "INSERT INTO certificate_status_list (id, size, bits) VALUES (:id, :size, :bits) ON CONFLICT (id) DO NOTHING")
                .param("id", LIST_ID)
                .param("size", props.statusListSize())
                .param("bits", StatusList.empty(props.statusListSize()).raw())
                .update();
        byte[] bits = jdbc.sql("SELECT bits FROM certificate_status_list WHERE id = :id FOR UPDATE")
                .param("id", LIST_ID)
                .query(byte[].class)
                .single();
        return StatusList.of(bits);
    }
}

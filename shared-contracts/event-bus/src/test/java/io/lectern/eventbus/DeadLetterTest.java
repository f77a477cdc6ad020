package io.lectern.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/** max-deliveries is 3 in the test configuration. */
@SpringBootTest(classes = TestService.class, properties = "lectern.events.consumer.transaction-batch=50")
class DeadLetterTest {

    @Autowired
    EventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedisClient redis;

    @Autowired
    BusIdentity identity;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void failingEventIsDeadLetteredAfterExactlyNDeliveriesWhileLaterEventsFlowAndReplayAppliesItOnce()
            throws Exception {
        UUID poisonPost = UUID.randomUUID();
        String slug = "poison-" + poisonPost;
        TestService.POISON.add(slug);
        tx.executeWithoutResult(s -> publisher.publish(poisonPost.toString(), TestService.post(poisonPost, slug, 1)));
        UUID poisonEvent = outboxId(poisonPost);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> deadLettersOf(poisonEvent).size() == 1);
        assertThat(TestService.ATTEMPTS.get(poisonEvent).get()).isEqualTo(3);
        Map<String, String> letter = deadLettersOf(poisonEvent).getFirst();
        assertThat(letter)
                .containsEntry("group", identity.group())
                .containsEntry("deliveries", "3")
                .containsEntry("type", "content.post-published.v1")
                .containsKey("originalId");
        assertThat(letter.get("error")).contains("cannot index " + slug);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);

        // the subscription is still alive: a later event is handled
        UUID later = UUID.randomUUID();
        tx.executeWithoutResult(s -> publisher.publish(later.toString(), TestService.post(later, "fine-" + later, 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(later) == 1);
        assertThat(TestService.ATTEMPTS.get(poisonEvent).get()).isEqualTo(3);

        String id = "content:" + deadLetterIdOf(poisonEvent);
        mvc.perform(get("/api/v1/admin/events/dead-letters").with(user("reader").roles("READER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/events/dead-letters").with(user("ops").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.eventId == '" + poisonEvent + "')].deliveries")
                        .value(3));
        mvc.perform(get("/api/v1/admin/events/dead-letters/" + id)
                        .with(user("ops").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.originalId").value(letter.get("originalId")));

        // still broken: replay fails, the dead letter stays
        mvc.perform(post("/api/v1/admin/events/dead-letters/" + id + "/replay")
                        .with(user("ops").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertThat(deadLettersOf(poisonEvent)).hasSize(1);
        assertThat(applied(poisonPost)).isZero();

        TestService.POISON.remove(slug);
        mvc.perform(post("/api/v1/admin/events/dead-letters/" + id + "/replay")
                        .with(user("ops").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("HANDLED"));
        assertThat(applied(poisonPost)).isEqualTo(1);
        assertThat(deadLettersOf(poisonEvent)).isEmpty();
        mvc.perform(post("/api/v1/admin/events/dead-letters/" + id + "/replay")
                        .with(user("ops").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(applied(poisonPost)).isEqualTo(1);
    }

    @Test
    void operatorCanDeleteADeadLetterAndNonAdminsCannot() throws Exception {
        UUID poisonPost = UUID.randomUUID();
        String slug = "poison-" + poisonPost;
        TestService.POISON.add(slug);
        tx.executeWithoutResult(s -> publisher.publish(poisonPost.toString(), TestService.post(poisonPost, slug, 1)));
        UUID poisonEvent = outboxId(poisonPost);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> deadLettersOf(poisonEvent).size() == 1);
        String id = "content:" + deadLetterIdOf(poisonEvent);

        mvc.perform(delete("/api/v1/admin/events/dead-letters/" + id)
                        .with(user("reader").roles("READER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/admin/events/dead-letters/" + id)
                        .with(user("ops").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(deadLettersOf(poisonEvent)).isEmpty();
        TestService.POISON.remove(slug);
    }

    /**
     * Handlers of a lane share one transaction (transaction-batch): a poison event among them rolls the
     * batch back, the entries are applied one by one, and every neighbour's effect lands exactly once.
     */
    @Test
    void aPoisonEventInABatchLeavesEveryNeighbourAppliedExactlyOnce() {
        List<UUID> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(UUID.randomUUID());
        }
        UUID poisonPost = posts.get(7);
        String poisonSlug = "batch-poison-" + poisonPost;
        TestService.POISON.add(poisonSlug);
        tx.executeWithoutResult(s -> posts.forEach(id -> publisher.publish(
                id.toString(), TestService.post(id, id.equals(poisonPost) ? poisonSlug : "batch-" + id, 1))));
        UUID poisonEvent = outboxId(poisonPost);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> deadLettersOf(poisonEvent).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        for (UUID post : posts) {
            assertThat(applied(post)).as("effects of " + post).isEqualTo(post.equals(poisonPost) ? 0 : 1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM content.inbox WHERE event_id IN (SELECT id FROM content.outbox"
                                + " WHERE aggregate_id = ANY(?))")
                        .param(posts.stream().map(UUID::toString).toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(19);
        TestService.POISON.remove(poisonSlug);
    }

    private UUID outboxId(UUID aggregate) {
        return jdbc.sql("SELECT id FROM content.outbox WHERE aggregate_id = ?")
                .param(aggregate.toString())
                .query(UUID.class)
                .single();
    }

    private List<Map<String, String>> deadLettersOf(UUID eventId) {
        return dlq().stream()
                .map(StreamEntry::getFields)
                .filter(f -> eventId.toString().equals(f.get("id")))
                .toList();
    }

    private String deadLetterIdOf(UUID eventId) {
        return dlq().stream()
                .filter(e -> eventId.toString().equals(e.getFields().get("id")))
                .findFirst()
                .orElseThrow()
                .getID()
                .toString();
    }

    private long applied(UUID aggregate) {
        return jdbc.sql("SELECT count(*) FROM content.applied WHERE aggregate_id = ?")
                .param(aggregate.toString())
                .query(Long.class)
                .single();
    }

    private long pending() {
        return redis.xpending(identity.streamKey("content"), identity.group()).getTotal();
    }

    private List<StreamEntry> dlq() {
        return redis.xrange(identity.deadLetterKey("content"), "-", "+");
    }
}

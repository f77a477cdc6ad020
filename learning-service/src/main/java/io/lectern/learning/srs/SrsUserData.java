package io.lectern.learning.srs;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user's spaced-repetition data: erased with the account, and the "srs" section of the export. */
@Component
class SrsUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;
    private final Cards cards;
    private final CardActions actions;

    SrsUserData(JdbcClient jdbc, Cards cards, CardActions actions) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.actions = actions;
    }

    @Override
    public void erase(UUID userId) {
        for (String table : List.of(
                "srs_review", "srs_card", "srs_draft", "srs_settings", "srs_inbox_sent", "srs_grade_link_use")) {
            jdbc.sql("delete from " + table + " where user_id = :user")
                    .param("user", userId)
                    .update();
        }
    }

    @Override
    public String section() {
        return "srs";
    }

    @Override
    public Object export(UUID userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<SrsResponses.CardResponse> all = new java.util.ArrayList<>();
        List<Object> log = new java.util.ArrayList<>();
        int offset = 0;
        while (true) {
            List<Card> page = cards.page(userId, null, 1000, offset);
            for (Card c : page) {
                all.add(SrsResponses.CardResponse.of(c));
                log.add(Map.of("cardId", c.id(), "reviews", actions.log(userId, c.id())));
            }
            if (page.size() < 1000) {
                break;
            }
            offset += page.size();
        }
        out.put("cards", all);
        out.put("reviewLog", log);
        return out;
    }
}

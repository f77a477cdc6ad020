package io.lectern.learning.leaderboard;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Rebuilds the boards from the ledger at start-up when Redis has lost them (restart without AOF, failover). */
@Component
class LeaderboardStartup {

    private static final Logger log = LoggerFactory.getLogger(LeaderboardStartup.class);

    private final Leaderboards boards;
    private final LeaderboardProperties props;
    private final Clock clock;

    LeaderboardStartup(Leaderboards boards, LeaderboardProperties props, Clock clock) {
        this.boards = boards;
        this.props = props;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfLost() {
        if (!props.rebuildOnStart()) {
            return;
        }
        try {
            if (!boards.present()) {
                boards.rebuild(clock.instant());
                log.info("Leaderboards rebuilt from the XP ledger");
            }
        } catch (RuntimeException e) {
            log.warn("Could not rebuild the leaderboards at start-up: {}", e.toString());
        }
    }
}

package io.lectern.ai.config;

import io.lectern.ai.indexing.ContentEvents;
import io.lectern.ai.reader.ReaderEvents;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.contracts.events.learning.PostRead;
import io.lectern.eventbus.EventSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event ai-service consumes, in one place. */
@Configuration(proxyBeanMethods = false)
class AiSubscriptions {

    @Bean
    EventSubscriptions eventSubscriptions(ContentEvents content, ReaderEvents readers) {
        return EventSubscriptions.builder()
                .on(PostPublished.class, content::onPostPublished)
                .on(PostUpdated.class, content::onPostUpdated)
                .on(PostUnpublished.class, content::onPostUnpublished)
                .on(PostDeleted.class, content::onPostDeleted)
                .on(PostRead.class, readers::onPostRead)
                .on(UserDeleted.class, readers::onUserDeleted)
                .build();
    }
}

package io.lectern.billing.config;

import io.lectern.billing.privacy.AccountDeletion;
import io.lectern.contracts.events.identity.UserDeleted;
import io.lectern.eventbus.EventSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event billing-service consumes, in one place. */
@Configuration(proxyBeanMethods = false)
class BillingSubscriptions {

    @Bean
    EventSubscriptions eventSubscriptions(AccountDeletion accounts) {
        return EventSubscriptions.builder()
                .on(UserDeleted.class, accounts::onUserDeleted)
                .build();
    }
}

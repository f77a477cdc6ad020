package io.lectern.content.config;

import io.lectern.content.readcache.CachePolicy;
import io.lectern.content.readcache.ContentChangeListener;
import io.lectern.content.readcache.PublicReadCache;
import io.lectern.content.readcache.ReadCacheProperties;
import io.lectern.content.readcache.ReadChangeSignal;
import io.lectern.content.readcache.SignedInReadHits;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import redis.clients.jedis.RedisClient;

/**
 * The public read cache: a servlet filter placed after the request id and observation filters (hits
 * are still logged and measured) and before Spring Security (a hit skips token handling, MVC and the
 * database), and the listener that empties it on every committed change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadCacheProperties.class)
class ReadCacheConfiguration {

    @Bean
    PublicReadCache publicReadCache(ReadCacheProperties props, MeterRegistry meters) {
        PublicReadCache cache = new PublicReadCache(props);
        FunctionCounter.builder("lectern.content.read.cache", cache, PublicReadCache::hits)
                .tag("result", "hit")
                .register(meters);
        FunctionCounter.builder("lectern.content.read.cache", cache, PublicReadCache::misses)
                .tag("result", "miss")
                .register(meters);
        return cache;
    }

    @Bean
    CachePolicy cachePolicy(ReadCacheProperties props) {
        return new CachePolicy(props);
    }

    @Bean
    FilterRegistrationBean<PublicReadCache> publicReadCacheFilter(PublicReadCache cache) {
        FilterRegistrationBean<PublicReadCache> bean = new FilterRegistrationBean<>(cache);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** Right after Spring Security's filter chain (order -100): the reader's token is verified first. */
    @Bean
    FilterRegistrationBean<SignedInReadHits> signedInReadHitsFilter(PublicReadCache cache) {
        FilterRegistrationBean<SignedInReadHits> bean = new FilterRegistrationBean<>(new SignedInReadHits(cache));
        bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return bean;
    }

    @Bean
    ReadChangeSignal readChangeSignal(
            RedisClient redis, @Value("${lectern.events.namespace:lectern}") String namespace) {
        return new ReadChangeSignal(redis, namespace);
    }

    @Bean
    ContentChangeListener contentChangeListener(
            DataSource dataSource, PublicReadCache cache, ReadCacheProperties props, ReadChangeSignal signal) {
        return new ContentChangeListener(dataSource, cache, props, signal);
    }
}

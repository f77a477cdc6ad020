package io.lectern.gateway.cache;

import io.lectern.gateway.auth.Caller;
import io.lectern.gateway.auth.PathRules;
import io.lectern.gateway.ratelimit.RateLimitFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the anonymous answers a service marked for shared caches ({@code public}, or {@code s-maxage}:
 * content's post, list, series and tag reads, and the web app's public pages) and serves them from
 * memory, after the edge checks, the token check and the rate limit have run: a hit costs no trip to
 * the service (ADR 0035, "The gateway keeps public answers too"; ADR 0103 for the pages).
 *
 * <p>An answer is never served after a change is known here:
 * <ul>
 *   <li>every entry carries the generation it was read in; {@link #invalidate()} moves the generation
 *       on, so an answer read before a change is not stored after it;
 *   <li>a write through this gateway to the service's paths invalidates before its answer leaves, so
 *       the writer's next read misses;
 *   <li>every other change (an event, a scheduled publish, a change made in the database) reaches the
 *       cache as a message on the service's Redis pub/sub channel ({@link InvalidationSubscriber}); the
 *       cache serves only while that subscription is up, and empties itself whenever it drops;
 *   <li>an entry lives at most {@code max-ttl} (and never past the answer's own {@code max-age}), the
 *       bound should a message be lost between the service and Redis.
 * </ul>
 *
 * <p>Only GET answers with status 200, a known length within {@code max-entry-bytes}, no
 * {@code Set-Cookie} and no {@code Vary: *} are stored, from requests without {@code Authorization}
 * (the services vary their answers by it). A request is served an entry only if every header the
 * answer varies by has the value it had for the request that stored it. {@code If-None-Match} with the
 * entry's {@code ETag} gets a 304.
 *
 * <p>Signed-in readers (ADR 0107): a service marks an answer that is the same for every reader, signed
 * in or not, with {@value #SHARED_CACHE_CONTROL} (the {@code Cache-Control} it has when shared: content's
 * free post, list, series and tag reads). Such an answer is stored from a signed-in reader's request too
 * (under that {@code Cache-Control}, as the anonymous variant), and an entry so marked is served to a
 * signed-in reader whose token this gateway has verified, marked {@code no-store, private} as the
 * service marks it for them; a request with a token that did not verify never reaches this filter. The
 * header never leaves the gateway.
 *
 * <p>Answers for an audience (ADR 0114): a service marks an answer that is the same for every reader of
 * a described kind with {@value #SHARED_AUDIENCE} ({@link Audience}: content's premium post, whose body
 * every entitled reader gets and whose teaser every other reader but the author gets). Such an answer is
 * stored from any request it was given to, under its URL and its audience's kind, and served only to a
 * reader the audience admits (a signed-in one only once verified here), marked {@code no-store, private}
 * as the service marks it. That header never leaves the gateway either.
 */
public final class PublicAnswerCache implements WebFilter, Ordered {

    /** After the rate limit: a cached answer still counts against the reader's limit. */
    public static final int ORDER = RateLimitFilter.ORDER + 10;

    /**
     * Set by a service on an answer that is the same for every reader, signed in or not; its value is
     * the {@code Cache-Control} the answer has when shared (ADR 0107).
     */
    public static final String SHARED_CACHE_CONTROL = "Lectern-Shared-Cache-Control";

    /**
     * Set by a service on an answer that is the same for every reader of a described kind ({@link Audience},
     * ADR 0114).
     */
    public static final String SHARED_AUDIENCE = "Lectern-Shared-Audience";

    /** Where an audience's answer is kept: its URL's key and one of these. */
    private static final String HOLDERS_SLOT = "\u0000holders";

    private static final String OTHERS_SLOT = "\u0000others";

    /** What a signed-in reader's copy is marked: the service marks its answers to them so. */
    private static final String PRIVATE = "no-store, private";

    /** Never replayed: the gateway sets them for each answer, or they describe one connection. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "age",
            "x-request-id",
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-reset",
            "x-ratelimit-policy",
            SHARED_CACHE_CONTROL.toLowerCase(Locale.ROOT),
            SHARED_AUDIENCE.toLowerCase(Locale.ROOT));

    /** A request header the answer varies by, and its value for the request that stored it. */
    record Varied(String name, @Nullable String value) {}

    /**
     * @param key where it is kept: the URL's key, or for an audience's answer that and the audience's slot
     * @param everyReader the service marked it the same for every reader: signed-in ones may have it
     * @param audience the readers the service marked it for (ADR 0114); null for any other answer
     */
    record Entry(
            String key,
            long generation,
            long storedAt,
            long expiresAt,
            List<Map.Entry<String, String>> headers,
            List<Varied> vary,
            @Nullable String etag,
            byte[] body,
            boolean everyReader,
            @Nullable Audience audience) {}

    private final PublicCacheProperties props;
    private final PathRules paths;
    private final PathRules writePaths;
    private final PathRules harmlessWrites;
    private final Set<String> sharedCookies;
    private final LongSupplier nanoTime;
    private final long maxTtlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong storedBytes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile boolean subscribed;

    /**
     * @param writePaths the paths of {@code props.writeRoutes()} ({@link RoutePaths}): a write to any of
     *     them empties the cache
     */
    public PublicAnswerCache(PublicCacheProperties props, List<String> writePaths, LongSupplier nanoTime) {
        this.props = props;
        this.paths = PathRules.of(props.paths());
        this.writePaths = PathRules.of(writePaths);
        this.harmlessWrites = PathRules.of(props.harmlessWrites());
        this.sharedCookies = Set.copyOf(props.sharedCookies());
        this.nanoTime = nanoTime;
        this.maxTtlNanos = props.maxTtl().toNanos();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Forgets every entry; answers being read right now will not be stored. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
        storedBytes.set(0);
    }

    /** Set by the subscriber: entries may only be served while changes are being heard. */
    void subscribed(boolean now) {
        invalidate();
        subscribed = now;
    }

    public boolean serving() {
        return props.enabled() && subscribed;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        boolean get = HttpMethod.GET.equals(method);
        if (get || HttpMethod.HEAD.equals(method)) {
            if (!paths.matches(HttpMethod.GET, path)) {
                return chain.filter(exchange);
            }
            if (!props.enabled()) {
                return passOn(exchange, chain);
            }
            // a token reaches this filter only once verified here (AuthenticationFilter answers 401
            // otherwise); the caller is checked all the same, so an unverified one is always passed on
            boolean signedIn = request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            if ((signedIn && Caller.of(exchange) == null) || personal(request)) {
                return passOn(exchange, chain);
            }
            String key = key(request);
            if (subscribed) {
                Entry hit = servable(key, request.getHeaders(), signedIn, Caller.of(exchange));
                if (hit != null) {
                    hits.increment();
                    // read the request to its end first (a GET's is empty): an answer written while
                    // Reactor Netty was still reading it left the connection's next request unread
                    // (PublicAnswerKeepAliveTest)
                    return request.getBody()
                            .doOnNext(DataBufferUtils::release)
                            .then(Mono.defer(() -> serve(hit, exchange, get, signedIn)));
                }
            }
            misses.increment();
            if (!get || !subscribed) {
                return passOn(exchange, chain);
            }
            Recorder recorder = new Recorder(exchange, key, generation.get(), signedIn);
            return passOn(exchange.mutate().response(recorder).build(), chain);
        }
        if (!props.enabled()
                || HttpMethod.OPTIONS.equals(method)
                || !writePaths.matches(method, path)
                || harmlessWrites.matches(method, path)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(this::invalidate));
        return chain.filter(exchange).doFinally(signal -> invalidate());
    }

    /**
     * The entry this request may be served, or null. The URL's own entry first (anonymous, or the same for
     * every reader); else, when the service gave that URL's answers to audiences, the one whose audience
     * admits this reader: a reader holding a claim is looked up among the holders first.
     */
    private @Nullable Entry servable(String key, HttpHeaders headers, boolean signedIn, @Nullable Caller caller) {
        Entry entry = entries.get(key);
        if (entry != null) {
            return fresh(entry) && (!signedIn || entry.everyReader()) && sameVariant(entry, headers, signedIn)
                    ? entry
                    : null;
        }
        if (signedIn) {
            Entry forHolders = entries.get(key + HOLDERS_SLOT);
            if (admitted(forHolders, headers, caller)) {
                return forHolders;
            }
        }
        Entry forOthers = entries.get(key + OTHERS_SLOT);
        return admitted(forOthers, headers, caller) ? forOthers : null;
    }

    private boolean admitted(@Nullable Entry entry, HttpHeaders headers, @Nullable Caller caller) {
        return entry != null
                && entry.audience() != null
                && fresh(entry)
                && entry.audience().admits(caller)
                && sameVariant(entry, headers, true);
    }

    /**
     * Sends a read of the copy's paths on to the service. A service's {@value #SHARED_CACHE_CONTROL} and
     * {@value #SHARED_AUDIENCE} are for this gateway only: they are taken off the answer before it leaves,
     * kept or not, copy on or off.
     */
    private static Mono<Void> passOn(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        exchange.getResponse().beforeCommit(() -> {
            headers.remove(SHARED_CACHE_CONTROL);
            headers.remove(SHARED_AUDIENCE);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** Carries a cookie other than the shared ones: perhaps a session, whose reader may see more. */
    private boolean personal(ServerHttpRequest request) {
        if (!request.getHeaders().containsHeader(HttpHeaders.COOKIE)) {
            return false;
        }
        for (String name : request.getCookies().keySet()) {
            if (!sharedCookies.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean fresh(Entry entry) {
        return entry.generation() == generation.get() && nanoTime.getAsLong() - entry.expiresAt() < 0;
    }

    /**
     * A signed-in reader's token is not compared: the entry is the same for every verified reader (or,
     * for an audience's entry, for every reader the audience admits, which the caller checked).
     */
    private static boolean sameVariant(Entry entry, HttpHeaders request, boolean signedIn) {
        for (Varied varied : entry.vary()) {
            if (signedIn && varied.name().equals("authorization")) {
                continue;
            }
            if (!Objects.equals(varied.value(), joined(request, varied.name()))) {
                return false;
            }
        }
        return true;
    }

    private Mono<Void> serve(Entry entry, ServerWebExchange exchange, boolean withBody, boolean signedIn) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        for (Map.Entry<String, String> header : entry.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        if (signedIn) {
            headers.set(HttpHeaders.CACHE_CONTROL, PRIVATE);
        }
        headers.set(HttpHeaders.AGE, Long.toString((nanoTime.getAsLong() - entry.storedAt()) / 1_000_000_000L));
        String etag = entry.etag();
        if (etag != null && matches(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(entry.body().length);
        if (!withBody) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(entry.body())));
    }

    /**
     * Stores the answer when it may be kept, then passes it on unchanged. The headers the gateway's own
     * filters set before the service answered (request id, rate-limit headers, CORS's Vary) are not
     * part of the entry: they are set again for every request that is served from it.
     */
    private final class Recorder extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String key;
        private final long readIn;
        private final boolean signedIn;
        private final Map<String, Integer> before = new HashMap<>();

        Recorder(ServerWebExchange exchange, String key, long readIn, boolean signedIn) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
            this.readIn = readIn;
            this.signedIn = signedIn;
            exchange.getResponse()
                    .getHeaders()
                    .forEach((name, values) -> before.put(name.toLowerCase(Locale.ROOT), values.size()));
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            String shared = getHeaders().getFirst(SHARED_CACHE_CONTROL);
            String audienceHeader = getHeaders().getFirst(SHARED_AUDIENCE);
            Audience audience = Audience.parse(audienceHeader);
            long ttl = audienceHeader == null
                    ? storableFor(getHeaders(), shared)
                    : storableFor(getHeaders(), shared, audience);
            if (ttl <= 0 || !HttpStatus.OK.equals(getStatusCode())) {
                return super.writeWith(body);
            }
            long length = getHeaders().getContentLength();
            return DataBufferUtils.join(Flux.from(body))
                    .map(joined -> {
                        byte[] bytes = new byte[joined.readableByteCount()];
                        joined.read(bytes);
                        DataBufferUtils.release(joined);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> {
                        // a body shorter than announced (the service went away) is passed on, not kept
                        if (bytes.length == length) {
                            store(bytes, ttl, shared, audience);
                        }
                        return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                    });
        }

        /**
         * How long the answer may be kept, in nanoseconds; 0 when it may not be. A signed-in reader's
         * answer is kept only when the service marked it the same for every reader, for as long as its
         * shared {@code Cache-Control} allows.
         */
        private long storableFor(HttpHeaders headers, @Nullable String shared) {
            long length = headers.getContentLength();
            if (length < 0
                    || length > props.maxEntryBytes().toBytes()
                    || headers.containsHeader(HttpHeaders.SET_COOKIE)
                    || headers.containsHeader(HttpHeaders.CONTENT_RANGE)) {
                return 0;
            }
            if (signedIn && shared == null) {
                return 0;
            }
            long maxAge = sharedMaxAgeSeconds(
                    signedIn ? List.of(Objects.requireNonNull(shared)) : headers.get(HttpHeaders.CACHE_CONTROL));
            return maxAge <= 0 ? 0 : Math.min(maxAge * 1_000_000_000L, maxTtlNanos);
        }

        /**
         * How long an answer the service marked for an audience may be kept: only when the audience is
         * well formed, the answer is not also marked for every reader, and the reader it was given to is
         * one the audience admits (anything else is a service's mistake, and the answer is not kept).
         */
        private long storableFor(HttpHeaders headers, @Nullable String shared, @Nullable Audience audience) {
            long length = headers.getContentLength();
            if (audience == null
                    || shared != null
                    || !audience.admits(Caller.of(exchange))
                    || length < 0
                    || length > props.maxEntryBytes().toBytes()
                    || headers.containsHeader(HttpHeaders.SET_COOKIE)
                    || headers.containsHeader(HttpHeaders.CONTENT_RANGE)) {
                return 0;
            }
            return Math.min(audience.maxAgeSeconds() * 1_000_000_000L, maxTtlNanos);
        }

        /**
         * @param shared the service's {@value #SHARED_CACHE_CONTROL}: the entry is then the anonymous
         *     variant whatever the request's token, under that {@code Cache-Control}
         * @param audience the service's {@value #SHARED_AUDIENCE}: the entry is then its audience's, kept
         *     in that audience's slot of the URL, under the answer's own {@code Cache-Control}
         */
        private void store(byte[] body, long ttl, @Nullable String shared, @Nullable Audience audience) {
            List<Varied> vary = new ArrayList<>();
            HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
            for (String name : tokens(getHeaders().get(HttpHeaders.VARY))) {
                if (name.equals("*")) {
                    return;
                }
                boolean anyReader = (shared != null || audience != null) && name.equals("authorization");
                vary.add(new Varied(name, anyReader ? null : joined(requestHeaders, name)));
            }
            List<Map.Entry<String, String>> replayed = new ArrayList<>();
            if (shared != null) {
                replayed.add(Map.entry(HttpHeaders.CACHE_CONTROL, shared));
            }
            getHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (NOT_REPLAYED.contains(lower) || (shared != null && lower.equals("cache-control"))) {
                    return;
                }
                for (int i = before.getOrDefault(lower, 0); i < values.size(); i++) {
                    replayed.add(Map.entry(name, values.get(i)));
                }
            });
            long now = nanoTime.getAsLong();
            String slot = audience == null ? key : key + (audience.holders() ? HOLDERS_SLOT : OTHERS_SLOT);
            put(new Entry(
                    slot,
                    readIn,
                    now,
                    now + ttl,
                    List.copyOf(replayed),
                    List.copyOf(vary),
                    getHeaders().getETag(),
                    body,
                    shared != null,
                    audience));
        }
    }

    /**
     * Stores the entry, then drops others (in the map's order: no particular one) while either bound is
     * passed, so a crawl through more pages than fit costs a few entries each time, not the whole copy.
     * An entry alone always fits: {@code max-entry-bytes} is below {@code max-bytes}.
     */
    private void put(Entry entry) {
        if (entry.generation() != generation.get() || !subscribed) {
            return;
        }
        Entry replaced = entries.put(entry.key(), entry);
        storedBytes.addAndGet(entry.body().length - (replaced == null ? 0 : replaced.body().length));
        long maxBytes = props.maxBytes().toBytes();
        Iterator<Entry> others = entries.values().iterator();
        while ((entries.size() > props.maxEntries() || storedBytes.get() > maxBytes) && others.hasNext()) {
            Entry other = others.next();
            if (other != entry && entries.remove(other.key(), other)) {
                storedBytes.addAndGet(-other.body().length);
            }
        }
    }

    /** Entries kept now. */
    public int entryCount() {
        return entries.size();
    }

    /** Bytes of the bodies kept now. */
    public long storedBytes() {
        return storedBytes.get();
    }

    /**
     * The answer's lifetime for a shared cache: s-maxage, else max-age; 0 when it may not be shared.
     * {@code s-maxage} alone marks an answer shareable (RFC 9111, 3 and 5.2.2.10), as Next.js marks the
     * pages it renders once for everyone; {@code max-age} alone does not.
     */
    static long sharedMaxAgeSeconds(@Nullable List<String> cacheControl) {
        boolean isPublic = false;
        long maxAge = -1;
        long sMaxAge = -1;
        for (String directive : tokens(cacheControl)) {
            if (directive.equals("public")) {
                isPublic = true;
            } else if (directive.equals("private") || directive.equals("no-store") || directive.equals("no-cache")) {
                return 0;
            } else if (directive.startsWith("s-maxage=")) {
                sMaxAge = seconds(directive.substring(9));
            } else if (directive.startsWith("max-age=")) {
                maxAge = seconds(directive.substring(8));
            }
        }
        if (!isPublic && sMaxAge < 0) {
            return 0;
        }
        return Math.max(0, sMaxAge >= 0 ? sMaxAge : maxAge);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Comma-separated tokens of every value, trimmed and lower-cased. */
    private static List<String> tokens(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                String trimmed = token.strip().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    private static @Nullable String joined(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    static String key(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        String path = request.getPath().value();
        return query == null ? path : path + "?" + query;
    }

    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(bare)) {
                return true;
            }
        }
        return false;
    }
}

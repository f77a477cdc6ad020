package io.lectern.content.readcache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the anonymous answers of the public read endpoints (post, post list, series, tags) from
 * memory as ready bytes, and gives every answer of those endpoints an {@code ETag} honoured by
 * {@code If-None-Match} (304).
 *
 * <p>Only answers the controller itself marked {@code Cache-Control: public} to requests without an
 * {@code Authorization} header are stored, so a premium body or anything a signed-in reader sees never
 * enters the cache. Each entry carries the cache generation it was read in; {@link #invalidate()} moves
 * the generation on, so an answer read from the database before a change committed is never served
 * after it. Two things invalidate: every committed database change (a NOTIFY, see
 * {@link ContentChangeListener}) and, on this instance, every mutating request: while one is in flight
 * the cache is bypassed, and it is invalidated when it ends, so the writer's next read sees its write
 * even before the NOTIFY arrives. While the listener is not listening the cache is bypassed.
 *
 * <p>Signed-in readers (ADR 0035, amended): an answer that is the same for everyone (a free post, a
 * list, a series, a tag: the controller says so with {@link #SAME_FOR_EVERYONE} or a public
 * {@code Cache-Control}) is stored from their requests too, and served to them by
 * {@link SignedInReadHits} only after Spring Security has verified their token, marked
 * {@code private, no-store} as the controller would. A premium answer is never stored.
 */
public final class PublicReadCache extends OncePerRequestFilter {

    /**
     * Request attribute a controller sets when the answer it gives a signed-in reader is exactly the one
     * an anonymous reader gets (a free post), so it may be stored and served to any verified reader.
     */
    public static final String SAME_FOR_EVERYONE = PublicReadCache.class.getName() + ".sameForEveryone";

    /**
     * On every answer that is the same for every reader, signed in or not: the {@code Cache-Control} it
     * has when shared. The gateway keeps such answers and serves them to readers whose token it verified
     * (ADR 0107); it never passes the header on.
     */
    public static final String SHARED_CACHE_CONTROL = "Lectern-Shared-Cache-Control";

    /**
     * Request attribute a controller sets when its answer is the same for every reader of a kind: a
     * premium post's body for every entitled reader, its teaser for every other reader but the author.
     * Its value ({@code holders=CLAIMS} or {@code others=CLAIMS, except=SUBJECT}) goes to the gateway in
     * {@link #SHARED_AUDIENCE}. Such an answer is not stored here.
     */
    public static final String AUDIENCE = PublicReadCache.class.getName() + ".audience";

    /**
     * On an answer a controller marked with {@link #AUDIENCE}: {@code max-age=N, } and that value. The
     * gateway keeps such answers and serves them to the readers the value admits (ADR 0114); it never
     * passes the header on.
     */
    public static final String SHARED_AUDIENCE = "Lectern-Shared-Audience";

    private static final String REPLAYED = PublicReadCache.class.getName() + ".replayed";
    private static final String PRIVATE = "no-store, private";

    static final Pattern READ_PATHS = Pattern.compile("/api/v1/(posts|series|tags)(/[^/]+)?");
    /** The view beacon is sent on every page view and changes nothing the read endpoints answer. */
    private static final Pattern VIEW_BEACON = Pattern.compile("/api/v1/posts/[^/]+/views");

    private static final Set<String> NOT_REPLAYED =
            Set.of("x-request-id", "content-length", "content-type", "date", "transfer-encoding", "set-cookie", "etag");

    private final ReadCacheProperties props;
    private final String publicControl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writesInFlight = new AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile boolean listening;

    public PublicReadCache(ReadCacheProperties props) {
        this.props = props;
        this.publicControl = Objects.requireNonNull(
                CacheControl.maxAge(props.publicMaxAge()).cachePublic().getHeaderValue());
    }

    record Entry(
            long generation, String contentType, List<Map.Entry<String, String>> headers, byte[] body, String etag) {}

    /** Forgets every stored answer; answers being read right now will not be stored. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Set by the change listener: the cache may only serve while changes are being heard. */
    void listening(boolean now) {
        invalidate();
        listening = now;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private boolean usable() {
        return props.enabled() && listening && writesInFlight.get() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = request.getRequestURI();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (!read) {
            if ("OPTIONS".equals(method) || VIEW_BEACON.matcher(path).matches()) {
                chain.doFilter(request, response);
                return;
            }
            writesInFlight.incrementAndGet();
            try {
                chain.doFilter(request, response);
            } finally {
                invalidate();
                writesInFlight.decrementAndGet();
            }
            return;
        }
        if (!READ_PATHS.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        boolean signedIn = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (!signedIn && usable()) {
            Entry hit = entries.get(key);
            if (hit != null && hit.generation() == generation.get()) {
                hits.increment();
                replay(hit, request, response, null);
                return;
            }
        }
        long readIn = generation.get();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (request.getAttribute(REPLAYED) != null) {
            // served from memory to a verified reader by SignedInReadHits: ETag and 304 already done
            wrapper.copyBodyToResponse();
            return;
        }
        misses.increment();
        if (wrapper.getStatus() != HttpServletResponse.SC_OK) {
            wrapper.copyBodyToResponse();
            return;
        }
        byte[] body = wrapper.getContentAsByteArray();
        String etag = etag(body);
        wrapper.setHeader(HttpHeaders.ETAG, etag);
        String contentType = wrapper.getContentType();
        boolean sameForEveryone = isPublic(wrapper.getHeader(HttpHeaders.CACHE_CONTROL))
                || (signedIn && Boolean.TRUE.equals(request.getAttribute(SAME_FOR_EVERYONE)));
        if (sameForEveryone) {
            // tells the gateway it may keep this answer and hand it to any reader (ADR 0107)
            wrapper.setHeader(SHARED_CACHE_CONTROL, publicControl);
        } else if (request.getAttribute(AUDIENCE) instanceof String audience) {
            // tells the gateway which readers this answer is the same for (ADR 0114)
            wrapper.setHeader(SHARED_AUDIENCE, "max-age=" + props.publicMaxAge().toSeconds() + ", " + audience);
        }
        if (sameForEveryone
                && "GET".equals(method)
                && contentType != null
                && body.length <= props.maxBodyBytes()
                && usable()) {
            if (entries.size() >= props.maxEntries()) {
                entries.clear();
            }
            entries.put(key, new Entry(readIn, contentType, headers(wrapper, publicControl), body, etag));
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        wrapper.copyBodyToResponse();
    }

    /**
     * Serves a stored answer to a signed-in reader whose token Spring Security has verified (called by
     * {@link SignedInReadHits}), marked private. False when there is none to serve.
     */
    boolean replayToVerifiedReader(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!usable()) {
            return false;
        }
        Entry hit = entries.get(key(request));
        if (hit == null || hit.generation() != generation.get()) {
            return false;
        }
        hits.increment();
        request.setAttribute(REPLAYED, Boolean.TRUE);
        replay(hit, request, response, PRIVATE);
        return true;
    }

    private static void replay(
            Entry entry, HttpServletRequest request, HttpServletResponse response, @Nullable String cacheControl)
            throws IOException {
        for (Map.Entry<String, String> header : entry.headers()) {
            if (cacheControl != null && header.getKey().equalsIgnoreCase(HttpHeaders.CACHE_CONTROL)) {
                continue;
            }
            response.addHeader(header.getKey(), header.getValue());
        }
        if (cacheControl != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        response.setContentType(entry.contentType());
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(entry.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(entry.body());
        }
    }

    /** The headers to replay; Cache-Control is the public one (the answer is the same for everyone). */
    private static List<Map.Entry<String, String>> headers(HttpServletResponse response, String publicControl) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry(HttpHeaders.CACHE_CONTROL, publicControl));
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_REPLAYED.contains(lower) || lower.equals("cache-control")) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                out.add(Map.entry(name, value));
            }
        }
        return List.copyOf(out);
    }

    static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    static boolean isPublic(@Nullable String cacheControl) {
        if (cacheControl == null) {
            return false;
        }
        String value = cacheControl.toLowerCase(Locale.ROOT);
        return value.contains("public") && !value.contains("no-store") && !value.contains("private");
    }

    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22)
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

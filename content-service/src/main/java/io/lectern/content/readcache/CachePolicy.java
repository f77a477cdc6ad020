package io.lectern.content.readcache;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How the read endpoints mark their answers. A public answer (the same for every anonymous reader, no
 * premium body) may be kept briefly by browsers, the gateway and CDNs, and is what
 * {@link PublicReadCache} stores; anything else is {@code private, no-store}. Both vary by
 * {@code Authorization}: a shared cache never hands an anonymous answer to a signed-in reader.
 */
public final class CachePolicy {

    private final CacheControl publicControl;

    public CachePolicy(ReadCacheProperties props) {
        this.publicControl = CacheControl.maxAge(props.publicMaxAge()).cachePublic();
    }

    public <T> ResponseEntity<T> publicAnswer(T body) {
        return ResponseEntity.ok()
                .cacheControl(publicControl)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .body(body);
    }

    public <T> ResponseEntity<T> privateAnswer(T body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .body(body);
    }
}

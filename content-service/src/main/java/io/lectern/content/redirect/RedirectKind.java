package io.lectern.content.redirect;

/** What a redirected slug names; each kind has its own slug namespace and URL prefix. */
public enum RedirectKind {
    POST("post", "/api/v1/posts/"),
    SERIES("series", "/api/v1/series/"),
    TAG("tag", "/api/v1/tags/");

    private final String table;
    private final String pathPrefix;

    RedirectKind(String table, String pathPrefix) {
        this.table = table;
        this.pathPrefix = pathPrefix;
    }

    String table() {
        return table;
    }

    public String path(String slug) {
        return pathPrefix + slug;
    }
}

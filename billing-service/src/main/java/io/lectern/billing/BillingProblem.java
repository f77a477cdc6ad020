package io.lectern.billing;

import io.lectern.platform.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A billing error with its own problem {@code type}, so clients can tell the cases apart. */
public final class BillingProblem extends ProblemException {

    private static final String BASE = "https://lectern.dev/problems/billing/";

    private final URI type;

    private BillingProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, title, detail);
        this.type = URI.create(BASE + slug);
    }

    /** Stripe was slow, unreachable or failed on its side: nothing was written, try again later. */
    public static BillingProblem providerUnavailable(String detail) {
        BillingProblem p = new BillingProblem(
                HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable", "Payment provider unavailable", detail);
        p.header("Retry-After", "30");
        return p;
    }

    /** Stripe refused the request (our configuration or its data is wrong). */
    public static BillingProblem providerRejected(String detail) {
        return new BillingProblem(
                HttpStatus.BAD_GATEWAY, "provider-rejected", "Payment provider refused the request", detail);
    }

    public static BillingProblem providerNotActive(String provider) {
        return new BillingProblem(
                HttpStatus.CONFLICT,
                "provider-not-active",
                "Payment provider not active",
                "The " + provider + " provider is not configured on this site.");
    }

    public static BillingProblem invalid(String field, String detail) {
        BillingProblem p = new BillingProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        p.with("field", field);
        return p;
    }

    public static BillingProblem invalidSignature(String detail) {
        return new BillingProblem(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid webhook signature", detail);
    }

    public static BillingProblem conflict(String slug, String detail) {
        return new BillingProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static BillingProblem notFound(String what) {
        return new BillingProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    @Override
    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = super.toProblemDetail();
        pd.setType(type);
        return pd;
    }
}

package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    /** One answer for every registration, whether or not the address already had an account. */
    static final String REGISTERED = "If this address can be used, we have sent it a link to activate the account.";

    static final String RESET_SENT = "If an account uses this address, we have sent it a link to reset the password.";

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password,
            @NotBlank @Size(max = 60) String displayName,
            @Nullable @Size(max = 16) String referralCode,
            @Nullable @Size(max = 35) String locale,
            @Nullable @Size(max = 64) String timeZone) {}

    record AcceptedResponse(String message) {}

    @PostMapping("/api/v1/auth/register")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedResponse register(@Valid @RequestBody RegisterRequest r) {
        accounts.register(new AccountService.Registration(
                r.email(),
                r.password(),
                r.displayName(),
                r.referralCode(),
                r.locale() == null ? "en" : locale("locale", r.locale()),
                r.timeZone() == null ? "UTC" : timeZone("timeZone", r.timeZone())));
        return new AcceptedResponse(REGISTERED);
    }

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {}

    @PostMapping("/api/v1/auth/verification/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedResponse resend(@Valid @RequestBody EmailRequest r) {
        accounts.resendVerification(r.email());
        return new AcceptedResponse(REGISTERED);
    }

    record TokenRequest(@NotBlank @Size(max = 128) String token) {}

    record VerifiedResponse(String email, boolean verified) {}

    @PostMapping("/api/v1/auth/verify")
    VerifiedResponse verify(@Valid @RequestBody TokenRequest r) {
        return new VerifiedResponse(accounts.verify(r.token()).email(), true);
    }

    @PostMapping("/api/v1/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedResponse requestReset(@Valid @RequestBody EmailRequest r) {
        accounts.requestPasswordReset(r.email());
        return new AcceptedResponse(RESET_SENT);
    }

    record ResetConfirmRequest(
            @NotBlank @Size(max = 128) String token,
            @NotNull String newPassword) {}

    @PostMapping("/api/v1/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@Valid @RequestBody ResetConfirmRequest r) {
        accounts.confirmPasswordReset(r.token(), r.newPassword());
    }

    record ChangePasswordRequest(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull String newPassword) {}

    @PostMapping("/api/v1/users/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangePasswordRequest r) {
        accounts.changePassword(UUID.fromString(jwt.getSubject()), r.currentPassword(), r.newPassword());
    }

    record ChangeEmailRequest(
            @NotBlank @Email @Size(max = 254) String newEmail,
            @NotNull @Size(max = 1024) String currentPassword) {}

    @PostMapping("/api/v1/users/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedResponse changeEmail(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangeEmailRequest r) {
        accounts.requestEmailChange(UUID.fromString(jwt.getSubject()), r.newEmail(), r.currentPassword());
        return new AcceptedResponse(
                "We have sent a link to the new address; the change takes effect when it is followed.");
    }

    static String timeZone(String field, String value) {
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw invalidField(field, "not a known time zone");
        }
    }

    static String locale(String field, String value) {
        Locale l = Locale.forLanguageTag(value);
        if (l.getLanguage().isEmpty() || !value.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw invalidField(field, "not a language tag (e.g. en, de-CH)");
        }
        return l.toLanguageTag();
    }

    static ProblemException invalidField(String field, String message) {
        return ProblemException.badRequest("The request is not valid.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}

package io.lectern.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Why a delivery failed and whether trying again can help. SMTP says so itself: a 5xx reply is
 * permanent, a 4xx reply is temporary; an address we cannot even parse is permanent; anything else
 * (connection refused, timeouts, authentication trouble) is treated as temporary, because it is about
 * the server, not the message.
 */
record DeliveryFailure(boolean permanent, String reason) {

    static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(true, reason);
    }

    static DeliveryFailure classify(Throwable error) {
        Set<Throwable> seen = new HashSet<>();
        Throwable t = error;
        while (t != null && seen.add(t)) {
            if (t instanceof AddressException a) {
                return permanent("invalid address: " + a.getMessage());
            }
            Integer code = smtpCode(t);
            if (code != null) {
                return new DeliveryFailure(code >= 500, "SMTP " + code + ": " + oneLine(t.getMessage()));
            }
            if (t instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                Exception first = send.getFailedMessages().values().iterator().next();
                if (first != t) {
                    DeliveryFailure inner = classify(first);
                    if (inner.permanent()) {
                        return inner;
                    }
                }
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return new DeliveryFailure(false, describe(error));
    }

    private static @Nullable Integer smtpCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return null;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = error instanceof MailException ? error.getClass().getSimpleName() : error.toString();
        return oneLine(what + (root != error ? " / " + root : ""));
    }

    private static String oneLine(@Nullable String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) : flat;
    }
}

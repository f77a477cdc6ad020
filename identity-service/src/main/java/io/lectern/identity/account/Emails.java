package io.lectern.identity.account;

import java.util.Locale;

/** Addresses are compared case-insensitively; the address as typed is kept for display. */
public final class Emails {

    private Emails() {}

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}

package io.lectern.identity.settings;

/** A user's preferences; defaults apply until the user saves their own. */
public record Settings(
        boolean digestOptIn,
        String digestFrequency,
        boolean newsletterOptIn,
        boolean notificationEmails,
        boolean commentReplyEmails,
        String theme,
        int readingFontSize,
        String codeTheme,
        boolean showReadingProgress) {

    public static final Settings DEFAULTS =
            new Settings(false, "weekly", false, true, true, "system", 16, "default", true);

    /** Other services keep copies of these two (notify decides what to send). */
    boolean sameForOthers(Settings other) {
        return digestOptIn == other.digestOptIn && notificationEmails == other.notificationEmails;
    }
}

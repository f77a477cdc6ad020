package io.lectern.content.comment;

/** Why a reader reports a comment: a fixed set, so moderators can count and sort reports. */
enum ReportReason {
    SPAM,
    HARASSMENT,
    OFF_TOPIC,
    OTHER
}

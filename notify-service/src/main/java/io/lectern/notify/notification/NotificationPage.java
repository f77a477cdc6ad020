package io.lectern.notify.notification;

import java.util.List;

/** A page of a user's notifications, newest first, with how many of all of them are unread. */
record NotificationPage(List<NotificationResponse> items, int page, int size, long total, long unreadCount) {}

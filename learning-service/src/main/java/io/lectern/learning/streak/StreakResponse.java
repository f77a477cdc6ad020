package io.lectern.learning.streak;

import java.time.LocalDate;
import java.util.List;

/** The streak and the calendar of study days between {@code from} and {@code to}. */
record StreakResponse(StreakStatus streak, LocalDate from, LocalDate to, List<Activity.StudyDay> days) {}

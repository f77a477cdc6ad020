package io.lectern.learning.quiz;

/** The kinds of question a quiz can hold; each is graded on the server. */
public enum QuestionType {
    MULTIPLE_CHOICE,
    MULTIPLE_ANSWERS,
    CLOZE,
    SHORT_TEXT
}

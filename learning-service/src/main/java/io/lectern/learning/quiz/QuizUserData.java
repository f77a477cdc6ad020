package io.lectern.learning.quiz;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A user's quiz attempts (with their answers) in the learning export, and gone when the user is deleted. */
@Component
class QuizUserData implements UserDataEraser, UserDataExporter {

    private final QuizAttempts attempts;
    private final QuizService quizzes;

    QuizUserData(QuizAttempts attempts, QuizService quizzes) {
        this.attempts = attempts;
        this.quizzes = quizzes;
    }

    @Override
    public void erase(UUID userId) {
        attempts.erase(userId);
    }

    @Override
    public String section() {
        return "quizAttempts";
    }

    @Override
    public Object export(UUID userId) {
        return quizzes.history(userId, null, null);
    }
}

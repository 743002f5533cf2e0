package nl.quickscan.demo;

import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.AnswerRules;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The made-up answers are answers the app accepts, for every shipped survey version, level and scope. */
class SampleAnswersTest {

    private static final List<Survey> SHIPPED = SurveyCatalog.load("surveys");

    @Test
    void everyAnswerIsOneTheSurveyAcceptsAndFollowUpsFollowWhatTheirStatementFound() {
        for (Survey survey : SHIPPED) {
            Map<String, Survey.Question> byKey = java.util.stream.Stream.concat(survey.questions(), survey.kengetallen().stream())
                    .collect(Collectors.toMap(Survey.Question::key, Function.identity()));
            for (long seed = 0; seed < 200; seed++) {
                Random random = new Random(seed);
                for (int level = 0; level <= SampleAnswers.TOP_LEVEL + 1; level++) {
                    for (Survey.Scope scope : Survey.Scope.values()) {
                        List<AnswerRepository.Write> writes = SampleAnswers.answers(random, survey, scope, level, 30_000);
                        Map<String, String> values = writes.stream().collect(Collectors.toMap(AnswerRepository.Write::questionKey,
                                AnswerRepository.Write::value));
                        for (AnswerRepository.Write write : writes) {
                            Survey.Question question = byKey.get(write.questionKey());
                            assertEquals(scope, question.scope(), write.questionKey());
                            assertNull(AnswerRules.problemWith(question, write.value(), write.comment()),
                                    () -> survey.version() + " " + write);
                            assertTrue(!AnswerRules.incomplete(question, write.value(), write.comment()),
                                    () -> "a toelichting where the answer needs one: " + write);
                            if (question.followUpOf() != null) {
                                String found = values.get(question.followUpOf());
                                assertTrue(byKey.get(question.followUpOf()).options().stream()
                                        .anyMatch(option -> option.value().equals(found) && option.points() != null && option.points() > 0),
                                        write.questionKey() + " after " + found);
                            }
                        }
                    }
                }
            }
        }
    }
}

package nl.quickscan.plans;

import nl.quickscan.errors.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionRulesTest {

    private static final Set<String> KEYS = Set.of("visie-gedeelde-visie", "samenwerking-sociale-kaart");

    private static ActionRules.Draft draft(String title, List<String> keys, String due, String status) {
        return new ActionRules.Draft(title, "Beschrijving", keys, 7L, "Beleidsadviseur zorg", "Veilig Thuis", due, status, true);
    }

    private static String problemOf(ActionRules.Draft draft, String field) {
        InvalidInput.InvalidInputException refused = assertThrows(InvalidInput.InvalidInputException.class,
                () -> ActionRules.check(draft, KEYS, ActionStatus.GEPLAND));
        assertTrue(refused.input().has(field), () -> refused.input().byField().toString());
        return refused.input().byField().get(field);
    }

    @Test
    void aValidActionIsTrimmedAndKeepsItsTextAsTyped() {
        ActionRules.Fields fields = ActionRules.check(draft("  =SOM(A1:A9)  ", List.of("samenwerking-sociale-kaart",
                "visie-gedeelde-visie", "samenwerking-sociale-kaart"), "2027-03-31", null), KEYS, ActionStatus.GEPLAND);
        assertEquals("=SOM(A1:A9)", fields.title(), "a formula-like title is text");
        assertEquals(List.of("samenwerking-sociale-kaart", "visie-gedeelde-visie"), fields.questionKeys(), "in order, once each");
        assertEquals(LocalDate.of(2027, 3, 31), fields.due());
        assertEquals(ActionStatus.GEPLAND, fields.status(), "the default status of a new action");
        assertTrue(fields.shared());
    }

    @Test
    void everyFieldIsChecked() {
        assertEquals("Vul de titel in.", problemOf(draft(" ", List.of("visie-gedeelde-visie"), null, null), "title"));
        assertEquals("De titel mag hoogstens 200 tekens lang zijn.",
                problemOf(draft("x".repeat(201), List.of("visie-gedeelde-visie"), null, null), "title"));
        ActionRules.check(draft("x".repeat(200), List.of("visie-gedeelde-visie"), null, null), KEYS, ActionStatus.GEPLAND);
        assertTrue(problemOf(draft("Titel", List.of("bestaat-niet"), null, null), "questionKeys").contains("bestaat-niet"));
        assertTrue(problemOf(draft("Titel", List.of(), null, null), "questionKeys").startsWith("Kies minstens één stelling"));
        assertTrue(problemOf(draft("Titel", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "k" + i).toList(), null, null),
                "questionKeys").contains("hoogstens 20"));
        for (String due : List.of("31-03-2027", "2027-02-30", "morgen", "1999-12-31", "2100-01-01", "2027-3-1")) {
            assertTrue(problemOf(draft("Titel", List.of("visie-gedeelde-visie"), due, null), "due").contains("datum"), due);
        }
        assertTrue(problemOf(draft("Titel", List.of("visie-gedeelde-visie"), null, "KLAAR"), "status").startsWith("Kies de status"));
        InvalidInput.InvalidInputException noStatus = assertThrows(InvalidInput.InvalidInputException.class,
                () -> ActionRules.check(draft("Titel", List.of("visie-gedeelde-visie"), null, null), KEYS, null));
        assertTrue(noStatus.input().has("status"), "a change must say its status");
        assertTrue(problemOf(new ActionRules.Draft("Titel", "x".repeat(4001), List.of("visie-gedeelde-visie"), 7L, null,
                null, null, null, false), "description").contains("4000"));
        assertTrue(problemOf(new ActionRules.Draft("Titel", null, List.of("visie-gedeelde-visie"), 7L, "x".repeat(201),
                null, null, null, false), "owner").contains("200"));
        InvalidInput.InvalidInputException noSource = assertThrows(InvalidInput.InvalidInputException.class,
                () -> ActionRules.check(draft("Titel", List.of("bestaat-niet"), null, null), null, ActionStatus.GEPLAND));
        assertTrue(noSource.input().has("sourceScanId"));
        assertFalse(noSource.input().has("questionKeys"), "keys are checked against the scan's survey only when there is one");
    }

    @Test
    void aNoteIsNeitherEmptyNorLongerThan4000Characters() {
        assertEquals("Gesprek gevoerd", ActionRules.note("  Gesprek gevoerd \n"));
        ActionRules.note("x".repeat(4000));
        assertThrows(InvalidInput.InvalidInputException.class, () -> ActionRules.note("x".repeat(4001)));
        assertThrows(InvalidInput.InvalidInputException.class, () -> ActionRules.note(" "));
        assertThrows(InvalidInput.InvalidInputException.class, () -> ActionRules.note(null));
    }

    @Test
    void anActionIsOverdueAfterItsDueDateUntilItIsDoneOrStopped() {
        LocalDate today = LocalDate.of(2027, 4, 1);
        assertTrue(action(LocalDate.of(2027, 3, 31), ActionStatus.BEZIG).overdue(today));
        assertTrue(action(LocalDate.of(2027, 3, 31), ActionStatus.GEPLAND).overdue(today));
        assertFalse(action(LocalDate.of(2027, 4, 1), ActionStatus.BEZIG).overdue(today), "due today is not late yet");
        assertFalse(action(LocalDate.of(2027, 3, 31), ActionStatus.AFGEROND).overdue(today));
        assertFalse(action(LocalDate.of(2027, 3, 31), ActionStatus.GESTOPT).overdue(today));
        assertFalse(action(null, ActionStatus.BEZIG).overdue(today));
    }

    @Test
    void theChangesOfASaveReadInDutch() {
        PlanAction before = action(LocalDate.of(2027, 3, 31), ActionStatus.GEPLAND);
        ActionRules.Fields after = new ActionRules.Fields("Titel", null, List.of("visie-gedeelde-visie"), 7, "Team zorg",
                null, null, ActionStatus.AFGEROND, false);
        Function<String, String> texts = Map.of("visie-gedeelde-visie", "We hebben een gedeelde visie.",
                "visie-gender", "Gender krijgt aandacht " + "in elk onderdeel van de aanpak, ".repeat(4))::get;
        assertEquals(List.of("Eigenaar: – → Team zorg", "Einddatum: 31 maart 2027 → –", "Status: Gepland → Afgerond"),
                ActionRules.changes(before, after, texts));
        assertEquals(List.of(), ActionRules.changes(before, new ActionRules.Fields("Titel", null,
                List.of("visie-gedeelde-visie"), 7, null, null, LocalDate.of(2027, 3, 31), ActionStatus.GEPLAND, false), texts));
        ActionRules.Fields otherStatement = new ActionRules.Fields("Titel", null, List.of("visie-gender"), 7, null,
                null, LocalDate.of(2027, 3, 31), ActionStatus.GEPLAND, false);
        assertEquals(List.of("Stelling toegevoegd: “Gender krijgt aandacht in elk onderdeel van de aanpak, in elk onderdeel van "
                        + "de…”", "Stelling weggehaald: “We hebben een gedeelde visie.”"),
                ActionRules.changes(before, otherStatement, texts), "statements by their text, a long one shortened");
        assertEquals("Status: Gepland; einddatum: 31 maart 2027; stelling: “Gender krijgt aandacht in elk onderdeel van de "
                + "aanpak, in elk onderdeel van de…”", ActionRules.summary(otherStatement, texts));
        assertNull(ActionRules.date("2027-02-29"));
    }

    static PlanAction action(LocalDate due, ActionStatus status) {
        return new PlanAction(1, 1, "GM0037", 7, "Titel", null, List.of("visie-gedeelde-visie"), null, null, due, status,
                false, 1, "Test", Instant.EPOCH, List.of());
    }
}

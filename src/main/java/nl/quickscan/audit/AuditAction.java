package nl.quickscan.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A kind of event in the audit log, stored by its name, read by its Dutch label; each belongs to one group. */
public enum AuditAction {
    ACCOUNT_CREATED("Account aangemaakt", Group.ORGANISATIE),
    ACCOUNT_UPDATED("Account gewijzigd", Group.ORGANISATIE),
    ACCOUNT_LOCKED("Account geblokkeerd", Group.ORGANISATIE),
    ACCOUNT_UNLOCKED("Blokkade opgeheven", Group.ORGANISATIE),
    ACCOUNT_REMOVED("Account verwijderd", Group.ORGANISATIE),
    SSO_LOGIN_REFUSED("Inloggen via organisatie geweigerd", Group.ORGANISATIE),
    INVITATION_CREATED("Uitnodiging gemaakt", Group.ORGANISATIE),
    INVITATION_ACCEPTED("Uitnodiging aangenomen", Group.ORGANISATIE),
    PASSWORD_RESET_REQUESTED("Nieuw wachtwoord aangevraagd", Group.ORGANISATIE),
    PASSWORD_RESET_COMPLETED("Nieuw wachtwoord ingesteld", Group.ORGANISATIE),
    SECOND_FACTOR_ENABLED("Tweestapsverificatie aangezet", Group.ORGANISATIE),
    SECOND_FACTOR_DISABLED("Tweestapsverificatie uitgezet", Group.ORGANISATIE),
    SECOND_FACTOR_RESET("Tweestapsverificatie uitgezet door beheerder", Group.ORGANISATIE),
    REGIO_CREATED("Regio aangemaakt", Group.ORGANISATIE),
    REGIO_UPDATED("Regio gewijzigd", Group.ORGANISATIE),
    GEMEENTE_CREATED("Gemeente aangemaakt", Group.ORGANISATIE),
    GEMEENTE_UPDATED("Gemeente gewijzigd", Group.ORGANISATIE),
    GEMEENTE_EXPORTED("Gegevens van een gemeente gedownload", Group.ORGANISATIE),
    GEMEENTE_DATA_DELETED("Gegevens van een gemeente verwijderd", Group.ORGANISATIE),
    ROUND_OPENED("Meetronde geopend", Group.ORGANISATIE),
    ROUND_CHANGED("Meetronde aangepast", Group.ORGANISATIE),
    ROUND_REMOVED("Meetronde verwijderd", Group.ORGANISATIE),
    ROUND_REMINDER_SENT("Herinnering verstuurd", Group.ORGANISATIE),
    ROUND_RETENTION_ANNOUNCED("Verwijdering van een meetronde aangekondigd", Group.ORGANISATIE),
    ROUND_RETENTION_DELETED("Meetronde verwijderd na de bewaartermijn", Group.ORGANISATIE),
    SURVEY_UPLOADED("Versie van een vragenlijst geüpload", Group.ORGANISATIE),
    SURVEY_PUBLISHED("Versie van een vragenlijst gepubliceerd", Group.ORGANISATIE),
    SURVEY_CONCEPT_DELETED("Concept van een vragenlijst verwijderd", Group.ORGANISATIE),
    ANSWER_SAVED("Antwoord opgeslagen", Group.ANTWOORDEN),
    SCAN_SUBMITTED("Scan ingediend", Group.ANTWOORDEN),
    SCAN_REOPENED("Scan heropend", Group.ANTWOORDEN),
    SCAN_IMPORTED("Scan geïmporteerd", Group.ANTWOORDEN),
    PLAN_ACTION_CREATED("Actie in het verbeterplan gezet", Group.ANTWOORDEN),
    PLAN_ACTION_CHANGED("Actie van het verbeterplan gewijzigd", Group.ANTWOORDEN),
    PLAN_ACTION_NOTE_ADDED("Voortgang bij een actie toegevoegd", Group.ANTWOORDEN),
    PLAN_ACTION_CARRIED_OVER("Actie meegenomen naar de herhaling", Group.ANTWOORDEN),
    PLAN_ACTION_CLOSED("Actie afgesloten bij de herhaling", Group.ANTWOORDEN);

    /** The two views of the log: answer saves would drown the few account and tenant changes. */
    public enum Group {
        ORGANISATIE("organisatie", "Accounts en organisatie"), ANTWOORDEN("antwoorden", "Antwoorden en scans");

        private final String code;
        private final String label;

        Group(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public List<AuditAction> actions() {
            return Arrays.stream(AuditAction.values()).filter(action -> action.group == this).toList();
        }

        public static Optional<Group> ofCode(String code) {
            return Arrays.stream(values()).filter(group -> group.code.equals(code)).findFirst();
        }
    }

    private final String label;
    private final Group group;

    AuditAction(String label, Group group) {
        this.label = label;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    public static Optional<AuditAction> ofName(String name) {
        return Arrays.stream(values()).filter(action -> action.name().equals(name)).findFirst();
    }

    /** How a stored action reads: its label, or the stored name itself for an action this version does not know. */
    public static String labelOf(String name) {
        return ofName(name).map(AuditAction::label).orElse(name);
    }
}

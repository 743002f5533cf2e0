package nl.quickscan.accounts;

import java.util.Arrays;
import java.util.Optional;

/** Where an account stands, as the account pages show it and as the list filters on it ({@code status=...}). */
public enum AccountStatus {
    ACTIEF("actief", "Actief"),
    UITNODIGING("uitnodiging", "Uitnodiging open"),
    GEBLOKKEERD("geblokkeerd", "Tijdelijk geblokkeerd"),
    GEDEACTIVEERD("gedeactiveerd", "Gedeactiveerd");

    private final String code;
    private final String label;

    AccountStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value in the list's query string. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Optional<AccountStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}

package nl.quickscan.accounts.sso;

import io.micronaut.core.annotation.Nullable;

/**
 * A refused sign-in: what the user reads ({@link SsoProblem}) and, for the audit log, what exactly was wrong.
 *
 * @param email the address the provider named, when it got that far
 */
public final class SsoRefusal extends Exception {

    private final SsoProblem problem;
    @Nullable
    private final String email;

    public SsoRefusal(SsoProblem problem, String detail) {
        this(problem, detail, null);
    }

    public SsoRefusal(SsoProblem problem, String detail, @Nullable String email) {
        super(detail, null, false, false);
        this.problem = problem;
        this.email = email;
    }

    public SsoProblem problem() {
        return problem;
    }

    /** What was wrong, in words for the audit log. */
    public String detail() {
        return getMessage();
    }

    @Nullable
    public String email() {
        return email;
    }
}

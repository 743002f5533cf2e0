package nl.quickscan.errors;

/** The thing does not exist, or it belongs to another tenant: both are answered alike, so as to reveal nothing. */
public final class NotFoundException extends DomainException {

    /** @param what what was looked for ("scan", "ronde"), for the log; the user sees the standard not-found page. */
    public NotFoundException(String what) {
        super(what);
    }
}

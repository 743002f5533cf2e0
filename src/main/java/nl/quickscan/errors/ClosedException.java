package nl.quickscan.errors;

/** The meetronde is closed or the scan submitted: what was asked can no longer change. */
public final class ClosedException extends DomainException {

    public ClosedException(String message) {
        super(message);
    }
}

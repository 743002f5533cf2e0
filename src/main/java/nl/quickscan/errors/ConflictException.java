package nl.quickscan.errors;

/** The request is understood but clashes with the state of things ("Deze scan is al ingediend."). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}

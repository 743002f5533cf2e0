package nl.quickscan.errors;

/** The account may see this, but not do what it asked (an adviser answering a statement the regio answers). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}

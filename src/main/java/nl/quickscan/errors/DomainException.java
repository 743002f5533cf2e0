package nl.quickscan.errors;

/**
 * What a service refuses, in the user's words. Services throw these instead of HTTP errors; the web layer
 * ({@code web.ErrorHandlers}) decides the status and whether the caller gets a page or JSON.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, ClosedException, ForbiddenException, InvalidInput.InvalidInputException {

    protected DomainException(String message) {
        // No stack trace: these are answers to the user, not faults to debug.
        super(message, null, false, false);
    }
}

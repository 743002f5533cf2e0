package nl.quickscan.accounts.sso;

/** Why a sign-in through an identity provider was refused, as the login page says it. */
public enum SsoProblem {
    STATE("Het inloggen via uw organisatie is verlopen of niet op deze website begonnen. U bent niet ingelogd. Probeer het opnieuw."),
    PROVIDER_REFUSED("Uw organisatie heeft het inloggen niet bevestigd. U bent niet ingelogd. Probeer het opnieuw of log in met uw wachtwoord."),
    PROVIDER_UNREACHABLE("Uw organisatie is nu niet bereikbaar om in te loggen. Probeer het later opnieuw of log in met uw wachtwoord."),
    TOKEN("Het bewijs van uw organisatie klopt niet. U bent niet ingelogd. Probeer het opnieuw."),
    EMAIL_UNVERIFIED("Uw organisatie heeft uw e-mailadres niet bevestigd. U bent niet ingelogd. Vraag de ICT-afdeling van uw organisatie om hulp."),
    DOMAIN("Uw organisatie kan u niet aanmelden met dit e-mailadres. U bent niet ingelogd. Log in via de organisatie van uw e-mailadres of met uw wachtwoord."),
    NO_ACCOUNT("Er is geen actief account met uw e-mailadres. U bent niet ingelogd. Vraag uw regiocoördinator om een uitnodiging."),
    SETUP("Inloggen via uw organisatie is nog niet goed ingesteld. U bent niet ingelogd. Neem contact op met de beheerder.");

    private final String message;

    SsoProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}

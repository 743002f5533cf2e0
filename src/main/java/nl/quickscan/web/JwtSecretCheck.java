package nl.quickscan.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

/** HS256 needs a secret of at least 256 bits; a shorter QUICKSCAN_JWT_SECRET stops the app with a clear message. */
@Context
final class JwtSecretCheck {

    static final int MIN_LENGTH = 32;

    JwtSecretCheck(@Value("${quickscan.jwt-secret}") String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException("QUICKSCAN_JWT_SECRET must be at least " + MIN_LENGTH
                    + " characters long (it signs every session token); generate one with: openssl rand -hex 32");
        }
    }
}

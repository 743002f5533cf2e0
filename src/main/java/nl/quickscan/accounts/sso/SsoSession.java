package nl.quickscan.accounts.sso;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A login session opened through an identity provider, with the ID token its logout at the provider needs. */
@MappedEntity("sso_session")
public record SsoSession(@Id String sessionId, String provider, String idToken) {
}

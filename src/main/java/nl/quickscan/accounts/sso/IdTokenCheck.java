package nl.quickscan.accounts.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks an ID token (OpenID Connect Core 3.1.3.7): signed with an asymmetric algorithm by a key of the provider,
 * issued by the provider for this client, not expired, with the nonce of this sign-in; then the e-mail address:
 * verified by the provider and of a domain it serves. Each failure is a {@link SsoRefusal} saying what was wrong.
 */
final class IdTokenCheck {

    /** Clocks of the app and the provider may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Never "none" and never HMAC with the client secret: only the provider's own keys count. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** The provider's keys; {@code refresh}: fetch them again because the token names a key not among them. */
    interface KeySource {
        JWKSet keys(boolean refresh) throws SsoRefusal;
    }

    /** Who signed in: the provider's subject, the verified e-mail address and the name (may be null). */
    record Identity(String subject, String email, @Nullable String name) {
    }

    private IdTokenCheck() {
    }

    static Identity check(String idToken, SsoProvider provider, String issuer, KeySource keys, String nonce,
                          Instant now) throws SsoRefusal {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("the ID token is not a signed JWT: " + e.getMessage());
        }
        verifySignature(jwt, keys);
        if (!issuer.equals(claims.getIssuer())) {
            throw refused("wrong issuer " + claims.getIssuer() + ", expected " + issuer);
        }
        List<String> audience = claims.getAudience();
        if (!audience.contains(provider.clientId())) {
            throw refused("wrong audience " + audience + ", expected " + provider.clientId());
        }
        Object authorizedParty = claims.getClaim("azp");
        if ((audience.size() > 1 || authorizedParty != null) && !provider.clientId().equals(authorizedParty)) {
            throw refused("wrong authorized party (azp) " + authorizedParty + ", expected " + provider.clientId());
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !expires.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw refused("the ID token expired at " + (expires == null ? "(no exp)" : expires.toInstant()));
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw refused("the ID token was issued in the future, at " + issued.toInstant());
        }
        Object tokenNonce = claims.getClaim("nonce");
        if (!(tokenNonce instanceof String given) || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8))) {
            throw refused(tokenNonce == null ? "the ID token has no nonce" : "wrong nonce");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw refused("the ID token has no subject (sub)");
        }
        return identity(claims, provider);
    }

    private static void verifySignature(SignedJWT jwt, KeySource keys) throws SsoRefusal {
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw refused("signature algorithm " + header.getAlgorithm() + " is not accepted");
        }
        JWK key = key(keys.keys(false), header);
        if (key == null) {
            key = key(keys.keys(true), header);
        }
        if (key == null) {
            throw refused("signed with an unknown key (kid " + header.getKeyID() + ")");
        }
        try {
            if (!jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(header, ((AsymmetricJWK) key).toPublicKey()))) {
                throw refused("the signature does not match key " + key.getKeyID());
            }
        } catch (JOSEException | ClassCastException e) {
            throw refused("the signature cannot be checked with key " + key.getKeyID() + ": " + e.getMessage());
        }
    }

    /** The signing key the header names; without a key id, the only signing key of the right type. */
    @Nullable
    private static JWK key(JWKSet keys, JWSHeader header) {
        List<JWK> candidates = keys.getKeys().stream()
                .filter(key -> key instanceof AsymmetricJWK)
                .filter(key -> key.getKeyUse() == null || "sig".equals(key.getKeyUse().identifier()))
                .filter(key -> header.getKeyID() == null || header.getKeyID().equals(key.getKeyID()))
                .filter(key -> key.getKeyType().equals(com.nimbusds.jose.jwk.KeyType.forAlgorithm(header.getAlgorithm())))
                .toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static Identity identity(JWTClaimsSet claims, SsoProvider provider) throws SsoRefusal {
        Object email = claims.getClaim("email");
        if (!(email instanceof String address) || address.isBlank()) {
            throw refused("the ID token has no e-mail address (claim email; scope email)");
        }
        // Entra ID has no email_verified; its optional claim xms_edov says the address's domain is verified.
        Object verified = claims.getClaim("email_verified");
        Object domainVerified = claims.getClaim("xms_edov");
        if (!isTrue(verified) && !isTrue(domainVerified)) {
            throw new SsoRefusal(SsoProblem.EMAIL_UNVERIFIED, "email_verified is " + verified
                    + (domainVerified == null ? "" : " and xms_edov is " + domainVerified) + " for " + address, address);
        }
        // Accounts are found by their address folded to lower case; "\u212Aees@" (Kelvin sign) folds to "kees@".
        // Only plain ASCII is compared that way, so no address of the provider lands in another's account.
        if (!address.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new SsoRefusal(SsoProblem.DOMAIN, "the address " + address.strip()
                    + " has characters outside plain ASCII; only those are matched to accounts", null);
        }
        if (!provider.serves(address)) {
            throw new SsoRefusal(SsoProblem.DOMAIN, provider.name() + " does not serve the domain of " + address
                    + " (serves " + provider.domains() + ")", address);
        }
        Object name = claims.getClaim("name");
        return new Identity(claims.getSubject(), address.strip(), name instanceof String text && !text.isBlank() ? text : null);
    }

    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim) || "1".equals(claim);
    }

    private static SsoRefusal refused(String detail) {
        return new SsoRefusal(SsoProblem.TOKEN, detail);
    }
}

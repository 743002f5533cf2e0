package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.web.ApiError;
import nl.quickscan.web.Notice;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Mijn sessies": the signed-in holder's own logins (browser sessions and API tokens), to end one or all others;
 * and, for the warning before a browser session ends (public/session.js), its end and "Blijf ingelogd".
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SessionController {

    static final Notice ENDED = new Notice("beeindigd", "De sessie is beëindigd.");
    static final Notice OTHERS_ENDED = new Notice("andere-beeindigd", "Alle andere sessies zijn beëindigd.");
    private static final List<Notice> NOTICES = List.of(ENDED, OTHERS_ENDED);
    static final String NOT_EXTENDABLE = "Alleen een sessie in de browser kan verlengd worden. Vraag voor een script een nieuw token aan.";

    /** One login as the page shows it; handle: names it in the page's forms without giving away its id. */
    record SessionItem(String handle, String device, String started, String lastSeen, String ends, boolean current,
                       boolean api) {
    }

    record SessionsPage(String title, List<SessionItem> sessions, boolean others, @Nullable String notice,
                        String lifetime, String maxLifetime) {
    }

    /** When the browser session of the request ends, and whether "Blijf ingelogd" would make it last longer. */
    @Serdeable
    record SessionState(Instant endsAt, String endsAtTime, long secondsLeft, boolean extendable) {
    }

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Get("/account/sessies")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SessionsPage> list(CurrentAccount account, @Nullable @QueryValue String melding) {
        Instant now = Instant.now();
        List<SessionItem> items = sessions.liveOf(account).stream().map(session -> new SessionItem(
                handle(session.id()), Devices.describe(session.kind(), session.userAgent()),
                DutchFormat.dateTime(session.createdAt()),
                session.lastSeenAt() == null ? DutchFormat.NONE : DutchFormat.dateTime(session.lastSeenAt()),
                DutchFormat.dateTime(session.expiresAt()), session.id().equals(account.sessionId()),
                session.kind() == LoginSession.Kind.API)).toList();
        return new ModelAndView<>("accounts/sessions", new SessionsPage("Mijn sessies", items,
                items.stream().anyMatch(item -> !item.current()), Notice.textOf(NOTICES, melding),
                DutchFormat.duration(sessions.browserLifetime()), DutchFormat.duration(sessions.maxLifetime())));
    }

    /** Ends one of the holder's own other logins; another account's, or an unknown one, is not found. */
    @Post(value = "/account/sessies/{handle}/beeindigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> end(HttpRequest<?> request, CurrentAccount account, @PathVariable String handle) {
        Optional<LoginSession> session = sessions.liveOf(account).stream()
                .filter(candidate -> handle(candidate.id()).equals(handle)).findFirst();
        if (session.isEmpty() || !sessions.endOwn(account, session.get().id())) {
            throw new NotFoundException("sessie");
        }
        if (session.get().id().equals(account.sessionId())) {
            return sessions.clear(HttpResponse.seeOther(URI.create("/login?uitgelogd=1")), request);
        }
        return HttpResponse.seeOther(URI.create("/account/sessies" + ENDED.query()));
    }

    @Post(value = "/account/sessies/andere-beeindigen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> endOthers(CurrentAccount account) {
        sessions.endAllOthersOf(account);
        return HttpResponse.seeOther(URI.create("/account/sessies" + OTHERS_ENDED.query()));
    }

    @Get("/api/v1/me/session")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> state(CurrentAccount account) {
        return sessions.current(account).<HttpResponse<?>>map(session -> HttpResponse.ok(state(session)))
                .orElseGet(SessionController::notExtendable);
    }

    /** "Blijf ingelogd": the same session for longer, with a new cookie; the page's CSRF token stays valid. */
    @Post("/api/v1/me/session/extend")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> extend(HttpRequest<?> request, CurrentAccount account) {
        Optional<Sessions.IssuedToken> issued = sessions.extend(account);
        if (issued.isEmpty()) {
            return notExtendable();
        }
        return sessions.withCookie(HttpResponse.ok(state(sessions.current(account).orElseThrow())), issued.get(), request);
    }

    private SessionState state(LoginSession session) {
        Instant now = Instant.now();
        return new SessionState(session.expiresAt(), DutchFormat.time(session.expiresAt()),
                Math.max(0, Duration.between(now, session.expiresAt()).toSeconds()), sessions.extendable(session, now));
    }

    private static HttpResponse<?> notExtendable() {
        return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(NOT_EXTENDABLE));
    }

    /** A name for a login in the page that is no use elsewhere: part of the SHA-256 of its id. */
    static String handle(String sessionId) {
        return Invitations.hash(sessionId).substring(0, 20);
    }
}

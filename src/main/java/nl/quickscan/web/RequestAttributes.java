package nl.quickscan.web;

/** Names of the request attributes that the filters hand to binders and views. */
public final class RequestAttributes {
    public static final String CURRENT_ACCOUNT = "quickscan.currentAccount";
    static final String CSRF_TOKEN = "quickscan.csrfToken";
    static final String NEW_CSRF_TOKEN = "quickscan.newCsrfToken";

    private RequestAttributes() {
    }
}

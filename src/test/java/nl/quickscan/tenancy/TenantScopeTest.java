package nl.quickscan.tenancy;

import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TenantScopeTest {

    private static CurrentAccount account(Role role, Long gemeenteId, Long regioId) {
        return new CurrentAccount(7, "x@y.nl", "X", role, gemeenteId, regioId, "sid");
    }

    @Test
    void anAdviserIsScopedToTheirGemeente() {
        TenantScope scope = TenantScope.of(account(Role.ADVISEUR, 42L, null));
        assertEquals(42, scope.gemeenteFilter());
        assertEquals(0, scope.regioFilter());
    }

    @Test
    void aCoordinatorIsScopedToTheirRegio() {
        TenantScope scope = TenantScope.of(account(Role.COORDINATOR, null, 3L));
        assertEquals(3, scope.regioFilter());
        assertEquals(0, scope.gemeenteFilter());
    }

    @Test
    void aBeheerderSeesThePlatform() {
        TenantScope scope = TenantScope.of(account(Role.BEHEERDER, null, null));
        assertEquals(0, scope.regioFilter(), "any regio");
        assertEquals(0, scope.gemeenteFilter(), "any gemeente");
    }
}

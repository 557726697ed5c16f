package com.example.orders;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.AuthContext;
import dev.stratus.annotations.Authorizer;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Claim;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.runtime.AuthResult;
import java.util.List;
import java.util.Optional;

/** A Lambda authorizer as a typed method, and routes that read what their authorizers pass on. */
public class Accounts {
  @CfFunction
  @Authorizer(name = "Tenants", ttl = 60)
  public AuthResult check(String token) {
    if (token.equals("bad")) {
      return AuthResult.unauthorized();
    }
    return token.startsWith("key-") ? AuthResult.allow("user-" + token.substring(4))
        .with("tenant", token.substring(4)).with("admin", token.endsWith("-admin")) : AuthResult.deny();
  }

  /** A REST REQUEST authorizer: the key and the tenant identify the caller, the key decides. */
  @CfFunction
  @Authorizer(name = "Keys", headers = {"X-Key", "X-Tenant"}, ttl = 0)
  public AuthResult keys(String key) {
    return key.equals("k1") ? AuthResult.allow("k1") : AuthResult.deny();
  }

  @CfFunction
  @ApiRoute(path = "/keyed", method = "GET", authorizer = "Keys")
  public String keyed() {
    return "keyed";
  }

  @CfFunction
  @HttpApiRoute(path = "/me", method = "GET")
  public String me(@Claim("sub") String user, @Claim("cognito:groups") List<String> groups,
      @Claim("email") Optional<String> email) {
    return user + " in " + groups + email.map(e -> " at " + e).orElse("");
  }

  @CfFunction
  @ApiRoute(path = "/tenant", method = "GET", authorizer = "Tenants")
  public String tenant(@AuthContext("tenant") String tenant, @AuthContext("admin") Optional<Boolean> admin) {
    return tenant + (admin.orElse(false) ? " (admin)" : "");
  }
}

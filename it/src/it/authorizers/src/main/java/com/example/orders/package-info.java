/** Orders, guarded three ways: a user pool's tokens (JWT), a tenant key (a Lambda authorizer), and IAM. */
@JwtAuthorizer(name = "Users", audience = "orders-web",
    issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example")
@DefaultAuthorizer(value = "Users", api = "ServerlessHttpApi")
package com.example.orders;

import dev.stratus.annotations.DefaultAuthorizer;
import dev.stratus.annotations.JwtAuthorizer;

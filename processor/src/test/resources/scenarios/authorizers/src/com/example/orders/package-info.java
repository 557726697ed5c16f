/** Routes guarded by a JWT issuer, a Cognito user pool, IAM and defaults per API. */
@JwtAuthorizer(name = "Users", issuer = "!Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}",
    audience = "orders-web")
@CognitoAuthorizer(name = "Staff", userPoolArn = "!GetAtt UserPool.Arn")
@DefaultAuthorizer(value = "Users", api = "ServerlessHttpApi")
@DefaultAuthorizer(value = "AWS_IAM", api = "ReportsApi")
@CfResource(logicalId = "UserPool", type = "AWS::Cognito::UserPool", properties = """
    UserPoolName: !Sub ${AWS::StackName}-users
    """)
@CfResource(logicalId = "ReportsApi", type = "AWS::Serverless::Api", properties = """
    StageName: v1
    """)
package com.example.orders;

import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.CognitoAuthorizer;
import dev.stratus.annotations.DefaultAuthorizer;
import dev.stratus.annotations.JwtAuthorizer;

@CfParameter(name = "Stage", defaultValue = "dev", allowedValues = {"dev", "prod"}, description = "Deployment stage")
@CfParameter(name = "RetentionDays", type = "Number", defaultValue = "345600")
@CfCondition(name = "IsProd", value = "!Equals [!Ref Stage, prod]")
@CfCondition(name = "IsNotProd", value = "!Not [!Condition IsProd]")
@CfGlobals("""
    Function:
      MemorySize: 512
      Timeout: 20
    """)
@CfOutput(name = "ApiUrl", value = "!Sub https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}",
    description = "Root URL of the API", exportName = "!Sub ${AWS::StackName}-ApiUrl")
@CfOutput(name = "ArchiveBucket", value = "!Ref Archive", condition = "IsProd")
package com.example;

import dev.stratus.annotations.CfCondition;
import dev.stratus.annotations.CfGlobals;
import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.CfParameter;

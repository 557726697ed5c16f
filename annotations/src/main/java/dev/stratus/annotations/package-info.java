/**
 * The Stratus vocabulary. Put these annotations on Lambda handler classes (functions and their events)
 * or on any type or {@code package-info} (resources, parameters, conditions, outputs, globals); the
 * Stratus processor turns them into an AWS SAM template at compile time.
 *
 * <p>Attributes that may hold CloudFormation intrinsics take the YAML short form as a string:
 * {@code "!Ref FilesTable"}, {@code "!GetAtt FilesTable.Arn"}, {@code "!Sub ${AWS::StackName}-files"}.
 * Plain text stays plain text. YAML blocks ({@code properties}, {@code policies}, {@code @CfGlobals})
 * are YAML text; Java text blocks suit them.
 *
 * <p>Annotations are kept in class files ({@link java.lang.annotation.RetentionPolicy#CLASS}) so that
 * an incremental build can still see them on classes it does not recompile; they are never read at
 * run time.
 */
package dev.stratus.annotations;

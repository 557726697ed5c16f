// Runs after `mvn package` of the user project: the template must exist, hold the annotated function,
// keep the base template's content, point CodeUri at the jar, and pass cfn-lint and the SAM translator.
def template = new File(basedir, 'target/template.yaml')
assert template.isFile() : 'target/template.yaml was not written'
def text = template.text
assert text.startsWith("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n")
assert text.contains('Description: Hello service, with a topic kept in the hand-written base template')
assert text.contains('  HelloFunction:\n    Type: AWS::Serverless::Function\n')
assert text.contains('      Handler: com.example.hello.HelloHandler::handleRequest\n      Runtime: java21\n      CodeUri: hello-service-1.0.jar\n')
assert text.contains('        TOPIC: !Ref Audit\n')
assert text.contains('  Audit:\n    Type: AWS::SNS::Topic\n')
assert new File(basedir, 'target/hello-service-1.0.jar').isFile()

def check = [python, checker, template.path].execute()
def out = new StringBuffer(), err = new StringBuffer()
check.waitForProcessOutput(out, err)
assert check.exitValue() == 0 : "template rejected:\n${out}${err}"
return true

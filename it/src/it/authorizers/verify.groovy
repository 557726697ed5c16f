// After `mvn package` (the TestClient tests ran): the template passes cfn-lint and the SAM translator, and
// stratus-local serve holds each route to its authorizer, as API Gateway does, with tokens from `token`.
def stack = evaluate(new File(stackScript))
stack.checkTemplate()

def template = new File(basedir, 'target/template.yaml').text
assert template.contains('JwtConfiguration') && template.contains('FunctionPayloadType: TOKEN') : template

/** stratus-local token …, as a user runs it: the token it prints. */
def token = { int port, List<String> args ->
  def command = [System.getProperty('java.home') + '/bin/java', '-jar', stack.localJar.path, 'token',
                 '--authorizer', 'Users', '--template', 'target/template.yaml', '--port', "${port}"] + args
  def p = new ProcessBuilder(command.collect { it.toString() }).directory(basedir).start()
  def text = p.inputStream.text.trim()
  assert p.waitFor() == 0 : p.errorStream.text
  text
}

stack.serving { call, out, waitFor, port ->
  assert out.text.contains('JWT authorizer Users') : out.text

  assert call('GET', '/health', null).statusCode() == 200
  def none = call('GET', '/orders', null)
  assert none.statusCode() == 401 && none.body() == '{"message":"Unauthorized"}' : none.body()

  def alice = token(port, ['--sub', 'alice', '--scope', 'orders/read'])
  def mine = call('GET', '/orders', null, [Authorization: "Bearer ${alice}".toString()])
  assert mine.statusCode() == 200 && mine.body() == '["alice-order-1","alice-order-2"]' : mine.body() + out.text

  def noScope = token(port, ['--sub', 'bob'])
  assert call('GET', '/orders', null, [Authorization: "Bearer ${noScope}".toString()]).statusCode() == 403
  def parts = alice.split('\\.')
  def forged = parts[0] + '.' + parts[1] + '.' + parts[2].reverse()
  assert call('GET', '/orders', null, [Authorization: "Bearer ${forged}".toString()]).statusCode() == 401

  def tenant = call('GET', '/tenant/orders', null, [Authorization: 'key-acme'])
  assert tenant.statusCode() == 200 && tenant.body() == '"orders of acme"' : tenant.body() + out.text
  def denied = call('GET', '/tenant/orders', null, [Authorization: 'guess'])
  assert denied.statusCode() == 403 : denied.body()
  assert call('GET', '/tenant/orders', null).statusCode() == 401

  def unsigned = call('GET', '/reports', null)
  assert unsigned.statusCode() == 403 && unsigned.body() == '{"message":"Missing Authentication Token"}' : unsigned.body()
  def curl = ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', '--aws-sigv4', 'aws:amz:us-east-1:execute-api',
              '--user', 'local:local-secret-key', "http://127.0.0.1:${port}/reports"].execute()
  assert curl.text == '200' : out.text
}
return true

// After `mvn package stratus:run -Dstratus.args=--check`: the goal started the whole stack from the template.
// Then, from this project's own folder, serve runs it for real and the flow goes end to end.
import java.net.http.*

def log = new File(basedir, 'build.log').text
assert log.contains('stratus-local: --check: the stack starts; stopping') : log

def check = [python, checker, new File(basedir, 'target/template.yaml').path].execute()
def checkOut = new StringBuffer(), checkErr = new StringBuffer()
check.waitForProcessOutput(checkOut, checkErr)
assert check.exitValue() == 0 : "template rejected:\n${checkOut}${checkErr}"

def jar = new File(localRepositoryPath, "dev/stratus/stratus-local/${stratusVersion}/stratus-local-${stratusVersion}.jar")
assert jar.isFile() : "${jar} was not installed"
def port = new ServerSocket(0).withCloseable { it.localPort }
def out = new File(basedir, 'serve.log')
def serve = new ProcessBuilder(System.getProperty('java.home') + '/bin/java', '-jar', jar.path, 'serve',
    '--template', 'target/template.yaml', '--port', "${port}")
    .directory(basedir).redirectErrorStream(true).redirectOutput(out).start()
try {
  def waitFor = { String what, Closure<Boolean> done ->
    long deadline = System.currentTimeMillis() + 60_000
    while (!done()) {
      assert serve.isAlive() && System.currentTimeMillis() < deadline : "waited for ${what}:\n${out.text}"
      Thread.sleep(100)
    }
  }
  waitFor('start') { out.text.contains('stratus-local: functions') }
  def http = HttpClient.newHttpClient()
  def call = { String method, String path, String body ->
    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}"))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString())
  }
  def urgent = call('POST', '/orders', 'order 1 urgent')
  assert urgent.statusCode() == 202 : urgent.body() + out.text
  assert call('POST', '/orders', 'order 2 routine').statusCode() == 202

  def hello = call('GET', '/hello/ada', null)
  assert hello.statusCode() == 200 : hello.body() + out.text
  assert hello.body().contains('"hello":"ada"') && hello.body().contains('"version":"2.0"') : hello.body()

  waitFor('the urgent alert') { out.text.contains('[NotifierFunction] NOTIFIED order 1 urgent') }
  waitFor('both orders at the worker') { out.text.contains('[WorkerFunction] WORKER order 2 routine') }
  waitFor('the refused STS call') { out.text.contains('[NotifierFunction] STS stratus-local has no local sts') }
  Thread.sleep(1000)
  def text = out.text
  assert !text.contains('NOTIFIED order 2') : 'the filter policy let a routine alert through:\n' + text
  assert !text.contains('amazonaws.com') : text
} finally {
  serve.destroy()
  serve.waitFor()
}
return true

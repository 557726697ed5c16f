// What the user projects' verify scripts share, evaluated in their binding (basedir, python, checker,
// localRepositoryPath, stratusVersion): the template check, and the project's stack served by stratus-local.
import java.net.http.*

/** The installed stratus-local, the runtime users run. */
def localJar = new File(localRepositoryPath, "dev/stratus/stratus-local/${stratusVersion}/stratus-local-${stratusVersion}.jar")

/** target/template.yaml passes cfn-lint and the SAM translator. */
def checkTemplate = {
  def check = [python, checker, new File(basedir, 'target/template.yaml').path].execute()
  def checkOut = new StringBuffer(), checkErr = new StringBuffer()
  check.waitForProcessOutput(checkOut, checkErr)
  assert check.exitValue() == 0 : "template rejected:\n${checkOut}${checkErr}"
}

/**
 * Serves target/template.yaml from the project's folder and calls body(call, out, waitFor[, port]): call(method,
 * path, body[, headers]) answers the API's response, out is serve.log, waitFor(what) { condition } waits up to a
 * minute, port is the API's.
 */
def serving = { Closure body ->
  assert localJar.isFile() : "${localJar} was not installed"
  def port = new ServerSocket(0).withCloseable { it.localPort }
  def out = new File(basedir, 'serve.log')
  def serve = new ProcessBuilder(System.getProperty('java.home') + '/bin/java', '-jar', localJar.path, 'serve',
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
    def call = { String method, String path, String text, Map<String, String> headers = [:] ->
      def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}"))
          .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
      headers.each { k, v -> request.header(k, v) }
      http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }
    body.maximumNumberOfParameters > 3 ? body(call, out, waitFor, port) : body(call, out, waitFor)
  } finally {
    serve.destroy()
    serve.waitFor()
  }
}

return [localJar: localJar, checkTemplate: checkTemplate, serving: serving]

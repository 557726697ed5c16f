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

/**
 * Runs `mvn stratus:dev` in the project as a user would (offline, on the invoker's repository) and calls
 * body(call, out, waitFor, edit): edit(file, from, to) replaces text in a source under src/main/java. Ends with
 * Maven killed outright (SIGKILL): every process it started must end within 20 s.
 */
def developing = { Closure body ->
  def port = new ServerSocket(0).withCloseable { it.localPort }
  def out = new File(basedir, 'dev.log')
  def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
  def dev = new ProcessBuilder(mvn, '-o', '-B', "-Dmaven.repo.local=${localRepositoryPath}", 'stratus:dev',
      "-Dstratus.args=--port ${port}")
      .directory(basedir).redirectErrorStream(true).redirectOutput(out).start()
  def started = []
  try {
    // a call refused while the stack restarts is a wait like any other
    def waitFor = { String what, Closure<Boolean> done ->
      long deadline = System.currentTimeMillis() + 60_000
      while (!{ try { done() } catch (IOException e) { false } }()) {
        assert dev.isAlive() && System.currentTimeMillis() < deadline : "waited for ${what}:\n${out.text}"
        Thread.sleep(100)
      }
    }
    waitFor('start') { out.text.contains('stratus-local: functions') }
    def http = HttpClient.newHttpClient()
    def call = { String method, String path, String text ->
      def request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:${port}${path}"))
          .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
      http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }
    def edit = { String file, String from, String to ->
      def source = new File(basedir, "src/main/java/${file}")
      assert source.text.contains(from) : "${from} not in ${source}"
      source.text = source.text.replace(from, to)
    }
    body(call, out, waitFor, edit)
    started = dev.toHandle().descendants().toList()
    assert started.any { it.info().commandLine().orElse('').contains('stratus-local') } : started*.info()
  } finally {
    dev.destroyForcibly()
    dev.waitFor()
  }
  long deadline = System.currentTimeMillis() + 20_000
  while (started.any { it.isAlive() } && System.currentTimeMillis() < deadline) {
    Thread.sleep(100)
  }
  def left = started.findAll { it.isAlive() }
  left.each { it.destroyForcibly() }
  assert left.isEmpty() : "left running after Maven was killed: ${left*.info()*.commandLine()}"
}

return [localJar: localJar, checkTemplate: checkTemplate, serving: serving, developing: developing]

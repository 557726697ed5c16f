// After `mvn archetype:generate` and, in the project it made, `mvn verify stratus:run -Dstratus.args=--check`:
// the short pom is the one README shows, the tests ran, the jar is lean, the template passes cfn-lint and the
// SAM translator, and the stack serves the notes API with its table.
def project = new File(basedir, 'out/notes')
def pom = new File(project, 'pom.xml').text
assert pom.readLines().size() <= 25 : pom
assert pom.contains('<artifactId>stratus-starter-parent</artifactId>') && !pom.contains('<plugin>') : pom

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : log
assert log.contains('stratus-local: --check: the stack starts; stopping') : log
assert !log.contains('SLF4J') : 'SLF4J complained:\n' + log

// The SDK's Apache, Apache 5 and Netty clients stay out of the deployable jar; url-connection and the
// generated handler are in.
def entries = new java.util.zip.ZipFile(new File(project, 'target/notes-1.0.jar')).withCloseable { z ->
  z.entries().collect { it.name }
}
assert entries.contains('com/example/notes/Notes_Lambda.class')
assert entries.any { it.startsWith('software/amazon/awssdk/http/urlconnection/') }
assert !entries.any { it.startsWith('software/amazon/awssdk/http/apache') || it.startsWith('software/amazon/awssdk/http/nio/')
    || it.startsWith('org/apache/http') || it.startsWith('org/apache/hc/') || it.startsWith('io/netty/') } :
    entries.findAll { it.contains('apache') || it.contains('netty') }.take(10)
assert !entries.any { it.startsWith('dev/stratus/processor/') || it.startsWith('dev/stratus/annotations/') }

def template = new File(project, 'target/template.yaml').text
assert template.contains('Handler: com.example.notes.Notes_Lambda::add') : template
def permissions = new File(project, 'target/stratus/permissions.md').text
assert permissions.contains('NotesGetFunction -- "Read" --> NotesTable') : permissions

def stack = new GroovyShell(new Binding([basedir: project, python: python, checker: checker,
    localRepositoryPath: localRepositoryPath, stratusVersion: stratusVersion])).evaluate(new File(stackScript))
stack.checkTemplate()
stack.serving { call, out, waitFor ->
  def added = call('POST', '/notes', '{"text": "buy milk", "author": "ada"}')
  assert added.statusCode() == 201 : added.body() + out.text
  def location = added.headers().firstValue('Location').get()
  def got = call('GET', location, null)
  assert got.statusCode() == 200 && got.body().contains('"text":"buy milk"') : got.body() + out.text
  def missing = call('GET', '/notes/nope', null)
  assert missing.statusCode() == 404 : missing.body()
  assert !out.text.contains('SLF4J') : out.text
}

// mvn stratus:dev: a save is served without a package; a compile error leaves the last code serving; a new
// route restarts the stack with its table's items kept.
stack.developing { call, out, waitFor, edit ->
  def added = call('POST', '/notes', '{"text": "buy milk", "author": "ada"}')
  assert added.statusCode() == 201 && added.body().contains('"text":"buy milk"') : added.body() + out.text
  def location = added.headers().firstValue('Location').get()
  edit('com/example/notes/Notes.java', 'note.text(), note.author()', 'note.text().toUpperCase(), note.author()')
  waitFor('the edit served') { call('POST', '/notes', '{"text": "eggs"}').body().contains('"text":"EGGS"') }
  assert out.text.contains('; the next call runs the new code') : out.text

  edit('com/example/notes/Notes.java', 'note.text().toUpperCase(), note.author()', 'note.text().toUpperCase() +, note.author()')
  waitFor('the compile error') { out.text.contains('the last code that compiled is still served') }
  assert out.text =~ /\[ERROR\] .*Notes\.java:\[\d+,\d+\] illegal start of expression/ : out.text
  assert call('POST', '/notes', '{"text": "tea"}').body().contains('"text":"TEA"')

  edit('com/example/notes/Notes.java', 'note.text().toUpperCase() +, note.author()', 'note.text(), note.author()')
  edit('com/example/notes/Notes.java', '  /** Each message on its own', '''  @CfFunction
  @HttpApiRoute(path = "/ping", method = "GET")
  public String ping() {
    return "pong";
  }

  /** Each message on its own''')
  waitFor('the new route') { call('GET', '/ping', null).body() == '"pong"' }
  assert out.text.contains('the template changed: the stack restarts') : out.text
  def kept = call('GET', location, null)
  assert kept.statusCode() == 200 && kept.body().contains('"text":"buy milk"') : kept.body() + out.text
}
return true

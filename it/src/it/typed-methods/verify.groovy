// After `mvn package stratus:run -Dstratus.args=--check`: BooksTest passed through TestClient, the stack started.
// Then serve runs the generated handlers for real: REST and HTTP API events, JSON in and out, the error answers.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0') : log
assert log.contains('stratus-local: --check: the stack starts; stopping') : log

def template = new File(basedir, 'target/template.yaml').text
assert template.contains('Handler: com.example.books.Books_Lambda::get') : template
// @Use: the stats function reads BooksTable; the report shows it, and nothing else has access.
assert template.contains('BOOKS_TABLE_NAME: !Ref BooksTable') : template
def permissions = new File(basedir, 'target/stratus/permissions.md').text
assert permissions.contains('BooksStatsFunction -- "Read" --> BooksTable') : permissions
assert new File(basedir, 'target/stratus/permissions.json').text.contains('"BooksStatsFunction": {') : 'no JSON report'
def stack = evaluate(new File(stackScript))
stack.checkTemplate()

// The deployable jar holds the runtime and the generated glue, and nothing of the processor or the template model.
def entries = new java.util.zip.ZipFile(new File(basedir, 'target/books-service-1.0.jar')).withCloseable { z ->
  z.entries().collect { it.name }
}
assert entries.contains('com/example/books/Books_Lambda.class')
assert entries.contains('dev/stratus/runtime/Api.class')
assert !entries.any { it.startsWith('dev/stratus/processor/') || it.startsWith('dev/stratus/template/')
    || it.startsWith('dev/stratus/annotations/') } : entries

stack.serving { call, out, waitFor ->
  // Each function has its own JVM and so its own Library: what one adds, another does not see, as in Lambda.
  def added = call('POST', '/books', '{"isbn": "978-1", "title": "Foundation", "shelf": "FICTION"}')
  assert added.statusCode() == 201 : added.body() + out.text
  assert added.headers().firstValue('Location').get() == '/books/978-1'
  assert added.body() == '{"isbn":"978-1","title":"Foundation","shelf":"FICTION"}'

  def missing = call('GET', '/books/978-1', null)
  assert missing.statusCode() == 404 && missing.body() == '{"message":"not found"}' : missing.body()

  def bad = call('GET', '/books?shelf=POETRY&limit=lots', null)
  assert bad.statusCode() == 400 : bad.body()
  assert bad.body().startsWith('{"message":"2 parameters are invalid: query parameter \'shelf\' must be one of'
      + ' FICTION, SCIENCE, HISTORY; got \'POETRY\'; query parameter \'limit\' must be a whole number; got \'lots\'"') :
      bad.body()
  def refused = call('GET', '/books?limit=500', null)
  assert refused.statusCode() == 400 && refused.body() == '{"message":"limit must be 1 to 100; got 500"}'
  def list = call('GET', '/books', null)
  assert list.statusCode() == 200 && list.body() == '[]' : list.body()

  def broken = call('POST', '/books', '{"isbn": "978-2", "title": "x", "published": "yesterday"}')
  assert broken.statusCode() == 400 : broken.body()
  assert broken.body().contains('the body is not valid: expected an ISO-8601 date such as 2026-12-03 but found'
      + ' \\"yesterday\\"') : broken.body()

  def stats = call('GET', '/stats', null)
  assert stats.statusCode() == 200 && stats.body() == '{"books":0,"table":"local-BooksTable"}' : stats.body()

  // Events through the running serve: a schedule's Input, and an SQS batch whose bad message alone fails.
  def invoke = { String function, File event ->
    def args = [System.getProperty('java.home') + '/bin/java', '-jar', stack.localJar.path, 'invoke', function,
        '--template', 'target/template.yaml']
    if (event != null) {
      args += ['--event', event.path]
    }
    def p = new ProcessBuilder(args).directory(basedir).redirectErrorStream(true).start()
    def text = p.inputStream.text
    assert p.waitFor() == 0 : text
    text
  }
  invoke('ReturnsRemindFunction', null)
  def batch = new File(basedir, 'target/returns.json')
  batch.text = '{"Records": [' +
      '{"messageId": "m-1", "body": "{\\"isbn\\": \\"978-1\\", \\"reader\\": \\"ada\\"}", "eventSource": "aws:sqs"},' +
      '{"messageId": "m-2", "body": "{\\"reader\\": \\"bob\\"}", "eventSource": "aws:sqs"}]}'
  def reply = invoke('ReturnsReturnedFunction', batch)
  assert reply.contains('{"batchItemFailures":[{"itemIdentifier":"m-2"}]}') : reply
  waitFor('the return and the reminder') {
    out.text.contains('RETURNED 978-1 by ada') && out.text.contains('REMIND after 14 days')
  }
  assert out.text.contains('a return without an ISBN') : out.text
}
return true

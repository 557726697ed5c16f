// After `mvn package stratus:run -Dstratus.args=--check`: the goal started the whole stack from the template.
// Then, from this project's own folder, serve runs it for real and the flow goes end to end.
def log = new File(basedir, 'build.log').text
assert log.contains('stratus-local: --check: the stack starts; stopping') : log

def stack = evaluate(new File(stackScript))
stack.checkTemplate()

stack.serving { call, out, waitFor ->
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
}
return true

// After `mvn package stratus:run -Dstratus.args=--check`: the goal started the whole stack from the template.
// Then, from this project's own folder, serve runs it for real: an order placed over HTTP is written to the
// table (whose stream reaches its function), put on the Kinesis stream and on the bus, whose rule takes big ones.
def log = new File(basedir, 'build.log').text
assert log.contains('stratus-local: --check: the stack starts; stopping') : log

def stack = evaluate(new File(stackScript))
stack.checkTemplate()

stack.serving { call, out, waitFor ->
  def big = call('POST', '/orders', '{"id": "o-1", "total": 150}')
  assert big.statusCode() == 200 : big.body() + out.text
  assert call('POST', '/orders', '{"id": "o-2", "total": 20}').statusCode() == 200

  waitFor('both orders from the table\'s stream') {
    out.text.contains('CHANGE INSERT o-1 total 150') && out.text.contains('CHANGE INSERT o-2 total 20')
  }
  waitFor('both clicks from the Kinesis stream') {
    out.text.contains('CLICK /orders/o-1') && out.text.contains('CLICK /orders/o-2')
  }
  waitFor('the big order from the bus') { out.text.contains('BIG o-1') }
  Thread.sleep(1000)
  def text = out.text
  assert !text.contains('BIG o-2') : 'the rule let a small order through:\n' + text
  assert !text.contains('not in its uses or policies') : text
  assert !text.contains('amazonaws.com') : text
}
return true

// After `mvn package stratus:run -Dstratus.args=--check`: the goal started the whole stack from the template.
// Then, from this project's own folder, serve runs it for real: an order placed over HTTP is written to the
// table (whose stream reaches its function), put on the Kinesis stream and on the bus, whose rule takes big ones;
// a click that keeps failing is retried, then skipped; the function URL answers on its own port.
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

  // An order whose click fails is retried once (maximumRetryAttempts = 1), then skipped, as Lambda skips a
  // batch; the shard goes on.
  assert call('POST', '/orders', '{"id": "broken", "total": 5}').statusCode() == 200
  waitFor('the broken click skipped') { out.text.contains('skipped 1 records of local-Clicks') }
  assert out.text.count('CLICK FAILED /orders/broken') == 2 : out.text
  assert call('POST', '/orders', '{"id": "o-3", "total": 5}').statusCode() == 200
  waitFor('the click after the broken one') { out.text.contains('CLICK /orders/o-3') }

  // The function URL: its own port, printed at start-up, any path.
  def url = (out.text =~ /stratus-local: URL +(http:\/\/\S+) +\(ShopDeliveredFunction\)/)[0][1]
  def delivered = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
      URI.create(url + 'couriers/acme')).POST(java.net.http.HttpRequest.BodyPublishers.ofString('{"id": "o-1", "total": 0}'))
      .build(), java.net.http.HttpResponse.BodyHandlers.ofString())
  assert delivered.statusCode() == 200 && delivered.body() == '"thanks for o-1"' : delivered.body() + out.text
  waitFor('the delivery') { out.text.contains('DELIVERED o-1') }
  Thread.sleep(1000)
  def text = out.text
  assert !text.contains('BIG o-2') : 'the rule let a small order through:\n' + text
  assert !text.contains('not in its uses or policies') : text
  assert !text.contains('amazonaws.com') : text
}
return true

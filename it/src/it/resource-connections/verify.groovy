// After `mvn package stratus:run -Dstratus.args=--check`: the functions reach their table, bucket, queue and
// topic through @Use alone. Then serve runs the flow end to end, each function's calls held against its uses.
def log = new File(basedir, 'build.log').text
assert log.contains('stratus-local: --check: the stack starts; stopping') : log
assert log.contains('Stratus: the permissions are those of') : 'not compared with permissions.json:\n' + log

def template = new File(basedir, 'target/template.yaml').text
assert template.contains('ORDERS_TABLE_NAME: !Ref OrdersTable') : template
assert template.contains('SHIPPING_QUEUE_URL: !Ref ShippingQueue') : template
assert template.contains('SHIPPED_TOPIC_ARN: !Ref ShippedTopic') : template
assert template.contains('- !Sub ${ReceiptsBucket.Arn}/receipts/*') : template
def permissions = new File(basedir, 'target/stratus/permissions.md').text
assert permissions.contains('OrdersPlaceFunction -- "PutItem" --> OrdersTable') : permissions
assert permissions.contains('ShippingShipFunction -- "Write" --> ShippedTopic') : permissions
def stack = evaluate(new File(stackScript))
stack.checkTemplate()

stack.serving { call, out, waitFor ->
  def placed = call('POST', '/orders', '{"item": "tea", "quantity": 2}')
  assert placed.statusCode() == 201 : placed.body() + out.text
  def id = new groovy.json.JsonSlurper().parseText(placed.body()).id
  def order = call('GET', "/orders/${id}", null)
  assert order.statusCode() == 200 : order.body() + out.text
  assert order.body().contains('"receipt":"2 x tea"') : order.body()
  waitFor('the shipped message') { out.text.contains("[ShippingShippedFunction] SHIPPED ${id}") }
  assert call('GET', "/orders/${id}", null).body().contains('"status":"SHIPPED"')
  waitFor('the call outside the uses') {
    out.text.contains('ShippingShipFunction called dynamodb:GetItem on OrdersTable, not in its uses or policies')
  }
  def text = out.text
  assert !text.contains('OrdersPlaceFunction called') && !text.contains('OrdersGetFunction called') : text
  assert text.count('ShippingShipFunction called') == 1 : text
}
return true

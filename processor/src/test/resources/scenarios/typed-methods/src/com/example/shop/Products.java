package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stratus.annotations.Access;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfParameter;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.Header;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.HttpException;
import dev.stratus.runtime.Response;
import dev.stratus.runtime.Warmup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** A product catalogue: one typed method per route, one instance per container. */
@CfParameter(name = "PricesTableName", description = "The table of prices another stack keeps")
@CfResource(logicalId = "ProductsTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: id, AttributeType: N}]
    KeySchema: [{AttributeName: id, KeyType: HASH}]
    """)
@CfResource(logicalId = "ShopApi", type = "AWS::Serverless::Api", properties = """
    StageName: prod
    Cors: {AllowOrigin: "'https://shop.example.com'", AllowMethods: "'GET,POST'"}
    """)
public class Products implements Warmup {
  private final Map<Long, Product> products = new TreeMap<>();
  /** How often SnapStart's warm-up ran this class's own part, for the tests. */
  public int warmUps;

  public Products() {
    products.put(1L, new Product(1, "tea", Category.FOOD, List.of("green"), Optional.empty()));
  }

  @CfFunction(memorySize = 512, snapStart = true)
  @Use(value = "ProductsTable", access = Access.READ)
  @ApiRoute(path = "/products/{id}", method = "GET")
  public Optional<Product> get(@Path("id") long id) {
    return Optional.ofNullable(products.get(id));
  }

  @Override
  public void warmUp() {
    warmUps++;
  }

  /** The table's name as the functions that use it read it: through the generated accessor. */
  public static String table(Map<String, String> env) {
    return StackResources.ProductsTable.name(env);
  }

  @CfFunction
  @Use(value = "PricesTableName", type = "AWS::DynamoDB::Table", access = Access.READ)
  @ApiRoute(path = "/products", method = "GET")
  public List<Product> list(@Query("category") Optional<Category> category, @Query(value = "limit", defaultValue = "10") int limit,
      @Query("tag") List<String> tags) {
    return products.values().stream()
        .filter(p -> category.map(c -> c == p.category()).orElse(true))
        .filter(p -> tags.isEmpty() || p.tags().containsAll(tags))
        .limit(limit).toList();
  }

  @CfFunction
  @Use(value = "ProductsTable", access = {Access.READ, Access.WRITE}, env = "TABLE")
  @ApiRoute(path = "/products", method = "POST", api = "ShopApi")
  public Response<Product> create(@Body NewProduct product, @Header("x-request-id") Optional<UUID> requestId,
      Context context) {
    if (product.name() == null || product.name().isBlank()) {
      throw HttpException.badRequest("a product needs a name");
    }
    long id = products.size() + 1;
    Product p = new Product(id, product.name(), product.category(), product.tags(), Optional.ofNullable(product.note()));
    products.put(id, p);
    return Response.created(p).header("Location", "/products/" + id);
  }

  @CfFunction
  @HttpApiRoute(path = "/products/{id}", method = "DELETE")
  public void delete(@Path("id") long id) {
    if (products.remove(id) == null) {
      throw HttpException.notFound("no product " + id);
    }
  }

  /** Fails as a broken dependency would: the caller gets a 500 that says nothing of it. */
  @CfFunction
  @ApiRoute(path = "/products/{id}/price", method = "GET")
  public BigDecimal price(@Path("id") long id) {
    throw new IllegalStateException("the pricing service is down");
  }

  @CfFunction
  @HttpApiRoute(path = "/stock", method = "PUT")
  public static Map<String, Integer> stock(@Body Map<String, Integer> counts, @Query("page") Optional<Integer> page) {
    return counts;
  }
}

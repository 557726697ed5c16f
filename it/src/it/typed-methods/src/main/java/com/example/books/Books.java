package com.example.books;

import dev.stratus.annotations.Access;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.HttpException;
import dev.stratus.runtime.Response;
import java.util.List;
import java.util.Optional;

/** The API: each method one route, parameters bound by Stratus, the domain in {@link Library}. */
@CfResource(logicalId = "BooksTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: isbn, AttributeType: S}]
    KeySchema: [{AttributeName: isbn, KeyType: HASH}]
    """)
public class Books {
  /** What the stats route answers: the count, and the table its @Use names. */
  public record Stats(int books, String table) {}

  private final Library library;

  /** What Lambda's generated handlers use: one library per container. */
  public Books() {
    this(new Library());
  }

  /** What tests use. */
  public Books(Library library) {
    this.library = library;
  }

  @CfFunction(memorySize = 512)
  @ApiRoute(path = "/books/{isbn}", method = "GET")
  public Optional<Book> get(@Path("isbn") String isbn) {
    return library.find(isbn);
  }

  @CfFunction
  @ApiRoute(path = "/books", method = "GET")
  public List<Book> list(@Query("shelf") Optional<Shelf> shelf, @Query(value = "limit", defaultValue = "20") int limit) {
    if (limit < 1 || limit > 100) {
      throw HttpException.badRequest("limit must be 1 to 100; got " + limit);
    }
    return library.onShelf(shelf, limit);
  }

  @CfFunction
  @ApiRoute(path = "/books", method = "POST")
  public Response<Book> add(@Body Book book) {
    if (book.isbn() == null || book.title() == null) {
      throw HttpException.badRequest("a book needs an isbn and a title");
    }
    if (!library.add(book)) {
      throw HttpException.conflict("there is a book with ISBN " + book.isbn() + " already");
    }
    return Response.created(book).header("Location", "/books/" + book.isbn());
  }

  @CfFunction
  @Use(value = "BooksTable", access = Access.READ)
  @HttpApiRoute(path = "/stats", method = "GET")
  public Stats stats() {
    return new Stats(library.onShelf(Optional.empty(), Integer.MAX_VALUE).size(), StackResources.BooksTable.name());
  }
}

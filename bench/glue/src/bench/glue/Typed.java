package bench.glue;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import java.util.Optional;

/** The route as a typed method: Stratus generates its handler. */
public class Typed {
  @CfFunction
  @ApiRoute(path = "/typed/{id}", method = "GET")
  public Book get(@Path("id") long id, @Query("format") Optional<String> format) {
    return Book.sample(id, format.orElse("paperback"));
  }
}

package ${package};

import dev.stratus.annotations.Access;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.OnSqsMessage;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.HttpException;
import dev.stratus.runtime.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * Notes over an HTTP API, and notes imported from a queue. Each method is a Lambda function of its own: the
 * processor writes its handler ({@code Notes_Lambda}) and its part of target/template.yaml, with the table
 * access its {@code @Use}s declare and nothing more.
 */
@CfResource(logicalId = "NotesTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
    KeySchema: [{AttributeName: id, KeyType: HASH}]
    """)
@CfResource(logicalId = "ImportQueue", type = "AWS::SQS::Queue")
public class Notes {
  private final NoteStore store;

  /** Lambda's: one instance per container, on the stack's table. */
  public Notes() {
    this(new TableNoteStore());
  }

  /** The tests': any store. */
  public Notes(NoteStore store) {
    this.store = store;
  }

  @CfFunction
  @Use(value = "NotesTable", actions = "dynamodb:PutItem")
  @HttpApiRoute(path = "/notes", method = "POST")
  public Response<Note> add(@Body NewNote note) {
    Note saved = save(note);
    return Response.created(saved).header("Location", "/notes/" + saved.id());
  }

  @CfFunction
  @Use(value = "NotesTable", access = Access.READ)
  @HttpApiRoute(path = "/notes/{id}", method = "GET")
  public Optional<Note> get(@Path("id") String id) {   // 404 when empty
    return store.get(id);
  }

  /** Each message on its own: one that fails goes back to the queue alone. */
  @CfFunction
  @Use(value = "NotesTable", actions = "dynamodb:PutItem")
  @OnSqsMessage(queue = "ImportQueue", batchSize = 10)
  public void importNote(NewNote note) {
    save(note);
  }

  private Note save(NewNote note) {
    if (note.text() == null || note.text().isBlank()) {
      throw HttpException.badRequest("a note needs a text");
    }
    Note saved = new Note(UUID.randomUUID().toString(), note.text(), note.author());
    store.put(saved);
    return saved;
  }
}

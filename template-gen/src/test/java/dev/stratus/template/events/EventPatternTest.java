package dev.stratus.template.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.yaml.YamlReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of EventBridge's documentation ("Event patterns", "Content filtering"), matched and refused. */
class EventPatternTest {
  /** The documentation's example event, an EC2 state change, with fields the filter examples use under detail. */
  private static final String EVENT = """
      {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
       "detail-type": "EC2 Instance State-change Notification", "source": "aws.ec2", "account": "111122223333",
       "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
       "resources": ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0",
                     "arn:aws:ec2:us-west-1:123456789012:instance/i-0000000000000000f"],
       "detail": {"instance-id": "i-1234567890abcdef0", "state": "terminated", "c-count": 5, "d-count": 12,
                  "x-limit": 301.8, "FileName": "photo.png", "FilePath": "/usr/lib/x", "sourceIPAddress": "10.0.0.42",
                  "ipv6": "2001:db8::1", "responseElements": null, "eventVersion": "", "service": "EventBridge",
                  "EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/orders",
                  "location": {"city": "Berlin"}, "tags": ["a", "b"]}}
      """;

  private static Map<?, ?> event() {
    return (Map<?, ?>) EventPattern.plain(YamlReader.readValue(EVENT));
  }

  private static boolean matches(String pattern) {
    return EventPattern.matches((Map<?, ?>) EventPattern.plain(YamlReader.readValue(pattern)), event());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "{source: [aws.ec2], detail-type: [EC2 Instance State-change Notification], detail: {state: [terminated]}}|true",
      "{source: [aws.ec2], detail: {state: [running, stopped]}}|false",
      "{source: [aws.s3]}|false",
      // an array in the event matches when any of its items does
      "{resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-0000000000000000f', other]}|true",
      "{detail: {tags: [b]}}|true",
      "{detail: {tags: [c]}}|false",
      // null and the empty string are values of their own; a missing field matches neither
      "{detail: {responseElements: [null]}}|true",
      "{detail: {eventVersion: ['']}}|true",
      "{detail: {missing: [null]}}|false",
      // numbers equal as numbers, strings as strings
      "{detail: {c-count: [5.0]}}|true",
      "{detail: {c-count: ['5']}}|false",
      "{time: [{prefix: '2017-10-02'}]}|false",
      "{source: [{prefix: aws.}]}|true",
      "{detail: {service: [{prefix: {equals-ignore-case: eventb}}]}}|true",
      "{detail: {FileName: [{suffix: .png}]}}|true",
      "{detail: {FileName: [{suffix: {equals-ignore-case: .PNG}}]}}|true",
      "{detail: {FileName: [{suffix: .jpg}]}}|false",
      "{detail-type: [{equals-ignore-case: ec2 instance state-change notification}]}|true",
      "{detail: {EventBusArn: [{wildcard: 'arn:aws:events:us-east-1:*:event-bus/*'}]}}|true",
      "{detail: {EventBusArn: [{wildcard: 'arn:aws:events:eu-west-1:*'}]}}|false",
      "{detail: {state: [{anything-but: initializing}]}}|true",
      "{detail: {state: [{anything-but: [terminated, stopped]}]}}|false",
      "{detail: {c-count: [{anything-but: [100, 200, 300]}]}}|true",
      "{detail: {state: [{anything-but: {prefix: term}}]}}|false",
      "{detail: {FileName: [{anything-but: {suffix: .txt}}]}}|true",
      "{detail: {state: [{anything-but: {equals-ignore-case: [Stopped, Terminated]}}]}}|false",
      "{detail: {FilePath: [{anything-but: {wildcard: '*/lib/*'}}]}}|false",
      // anything-but needs the field
      "{detail: {missing: [{anything-but: x}]}}|false",
      "{detail: {c-count: [{numeric: ['>', 0, '<=', 5]}]}}|true",
      "{detail: {d-count: [{numeric: ['<', 10]}]}}|false",
      "{detail: {x-limit: [{numeric: ['=', 3.018e2]}]}}|true",
      "{detail: {sourceIPAddress: [{cidr: 10.0.0.0/24}]}}|true",
      "{detail: {sourceIPAddress: [{cidr: 10.0.1.0/24}]}}|false",
      "{detail: {ipv6: [{cidr: '2001:db8::/32'}]}}|true",
      "{detail: {c-count: [{exists: false}]}}|false",
      "{detail: {missing: [{exists: false}]}}|true",
      "{detail: {state: [{exists: true}]}}|true",
      "{detail: {location: {city: [Berlin]}}}|true",
      "{detail: {location: {city: [Paris]}}}|false",
      "{detail: {$or: [{c-count: [{numeric: ['>', 0, '<=', 5]}]}, {d-count: [{numeric: ['<', 10]}]}]}}|true",
      "{source: [aws.ec2], $or: [{detail: {state: [running]}}, {detail-type: [Other]}]}|false",
  })
  void matchesAsEventBridgeDoes(String pattern, boolean expected) {
    assertThat(EventPattern.check(EventPattern.plain(YamlReader.readValue(pattern)))).as("valid").isEmpty();
    assertThat(matches(pattern)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{detailType: [X]}|detailType|'detailType' is no field of an EventBridge event; did you mean 'detail-type'?",
      "{source: aws.ec2}|source|'source' must list what it matches: source: [aws.ec2]",
      "{source: []}|source|'source' has an empty list, which matches nothing; list the values to match",
      "{detail: {}}|detail|'detail' is empty; give it fields, or leave it out to match any",
      "{detail: {n: [{numeric: ['>', 1, '>', 2]}]}}|detail.n.0.numeric|numeric takes at most one lower and one upper bound",
      "{detail: {n: [{numeric: ['~', 1]}]}}|detail.n.0.numeric|numeric takes comparisons such as [\">\", 0, \"<=\", 5] or [\"=\", 3]",
      "{detail: {ip: [{cidr: 10.0.0.300/8}]}}|detail.ip.0.cidr|cidr takes an IP range such as 10.0.0.0/24 or 2001:db8::/32, not 10.0.0.300/8",
      "{detail: {f: [{wildcard: 'a**b'}]}}|detail.f.0.wildcard|wildcard 'a**b' has consecutive *; one * matches any text",
      "{detail: {f: [{exists: yes please}]}}|detail.f.0.exists|exists takes true or false",
      "{detail: {f: [{anything-but: [a, 1]}]}}|detail.f.0.anything-but|anything-but's list holds strings or numbers, not both, and not none",
      "{detail: {f: [{prefix: a, suffix: b}]}}|detail.f.0|a filter has one key, one of prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, exists, cidr",
      "{$or: [{source: [a]}]}|$or|$or takes a list of two or more patterns, e.g. $or: [{source: [a]}, {source: [b]}]",
  })
  void refusesWhatEventBridgeRefuses(String pattern, String path, String message) {
    assertThat(EventPattern.check(EventPattern.plain(YamlReader.readValue(pattern))))
        .extracting(p -> String.join(".", p.path()), EventPattern.Problem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(path, message));
  }

  @Test
  void aPatternIsAMapping() {
    assertThat(EventPattern.check(EventPattern.plain(YamlReader.readValue("[source]"))))
        .extracting(EventPattern.Problem::message)
        .containsExactly("a pattern is a mapping of event fields, e.g. source: [my.app]");
  }
}

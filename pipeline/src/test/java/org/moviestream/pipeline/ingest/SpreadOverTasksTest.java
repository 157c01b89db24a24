package org.moviestream.pipeline.ingest;

import static org.junit.Assert.assertThrows;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

/** Spreading the messages over tasks changes none of them, nor their event times. */
public class SpreadOverTasksTest {

  private static final Instant T0 = Instant.parse("2025-03-13T19:26:30Z");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private PCollection<String> stamped(int tasks) {
    TestStream<String> stream =
        TestStream.create(StringUtf8Coder.of())
            .addElements(
                TimestampedValue.of("a", T0.plus(Duration.standardSeconds(1))),
                TimestampedValue.of("b", T0.plus(Duration.standardSeconds(29))),
                TimestampedValue.of("c", T0.plus(Duration.standardSeconds(31))))
            .advanceWatermarkToInfinity();
    return pipeline
        .apply(stream)
        .apply(SpreadOverTasks.over(tasks))
        .apply(ParDo.of(new WithTimestamp()))
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(30))));
  }

  /** "value@event time", so that an assertion sees both. */
  static final class WithTimestamp extends DoFn<String, String> {
    @ProcessElement
    public void process(ProcessContext context) {
      context.output(context.element() + "@" + context.timestamp());
    }
  }

  @Test
  public void spreadOverSparksWidthEveryMessageKeepsItsEventTime() {
    PCollection<String> out = stamped(0);
    PAssert.that(out)
        .inWindow(new IntervalWindow(T0, Duration.standardSeconds(30)))
        .containsInAnyOrder("a@2025-03-13T19:26:31.000Z", "b@2025-03-13T19:26:59.000Z");
    PAssert.that(out)
        .inWindow(
            new IntervalWindow(T0.plus(Duration.standardSeconds(30)), Duration.standardSeconds(30)))
        .containsInAnyOrder("c@2025-03-13T19:27:01.000Z");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void oneTaskPassesTheMessagesOnAsTheyAre() {
    PAssert.that(stamped(1))
        .containsInAnyOrder(
            "a@2025-03-13T19:26:31.000Z",
            "b@2025-03-13T19:26:59.000Z",
            "c@2025-03-13T19:27:01.000Z");
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aNegativeWidthIsRefused() {
    pipeline.enableAbandonedNodeEnforcement(false);
    assertThrows(IllegalArgumentException.class, () -> SpreadOverTasks.over(-1));
  }
}

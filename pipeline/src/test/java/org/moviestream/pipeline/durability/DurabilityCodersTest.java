package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.Test;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.windows.WindowTally;
import org.moviestream.pipeline.windows.WindowTallyCoder;

/** The offset bookkeeping's own types survive their coders, and keep one offset per partition. */
public class DurabilityCodersTest {

  private static final String TOPIC = "movies_ratings";

  @Test
  public void lastOffsetsKeepTheHighestOffsetOfEachPartition() throws Exception {
    LastOffsets last =
        LastOffsets.of(
            List.of(
                new SourceKey(TOPIC, 0, 4),
                new SourceKey(TOPIC, 0, 9),
                new SourceKey(TOPIC, 1, 2)));
    LastOffsets merged =
        LastOffsets.merged(List.of(last, LastOffsets.none().add(new SourceKey(TOPIC, 1, 7))));

    assertEquals(
        LastOffsets.of(List.of(new SourceKey(TOPIC, 0, 9), new SourceKey(TOPIC, 1, 7))), merged);
    CoderProperties.coderDecodeEncodeEqual(LastOffsetsCoder.of(), merged);
    CoderProperties.coderDecodeEncodeEqual(LastOffsetsCoder.of(), LastOffsets.none());
  }

  @Test
  public void aCountedAggregateRoundTripsWithItsOffsets() throws Exception {
    Counted<WindowTally> counted = Counted.of(new WindowTally().add("Roma").add("Dark"));
    counted.lastOffsets().add(new SourceKey(TOPIC, 2, 11));
    Counted<WindowTally> more = Counted.of(new WindowTally().add("Roma"));
    more.lastOffsets().add(new SourceKey(TOPIC, 2, 5)).add(new SourceKey(TOPIC, 0, 1));

    Counted<WindowTally> both = counted.merge(more, WindowTally::merge);

    assertEquals(3, both.aggregate().ratings());
    assertEquals(
        LastOffsets.of(List.of(new SourceKey(TOPIC, 2, 11), new SourceKey(TOPIC, 0, 1))),
        both.lastOffsets());
    CoderProperties.coderDecodeEncodeEqual(CountedCoder.of(WindowTallyCoder.of()), both);
  }

  @Test
  public void acksRoundTripWithTheirRangesAndWindows() throws Exception {
    Acks acks =
        Acks.none()
            .deadLettered(9)
            .deadLettered(10)
            .written(3, "Ann", 30_000)
            .windowed("Zoë", 90_000, 12);

    CoderProperties.coderDecodeEncodeEqual(AcksCoder.of(), acks);
    CoderProperties.coderDecodeEncodeEqual(AcksCoder.of(), Acks.none());
  }
}

package org.moviestream.pipeline.failures;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;

/** A rejected message: the raw payload, why it was rejected, and where it was read. */
@DefaultCoder(DeadLetterCoder.class)
public record DeadLetter(RejectReason reason, String detail, String payload, SourceKey source)
    implements Serializable {

  /** The dead-letter topic's record of it. */
  public DeadLetterRecord toRecord() {
    return DeadLetterRecord.of(reason, detail, payload, source);
  }
}

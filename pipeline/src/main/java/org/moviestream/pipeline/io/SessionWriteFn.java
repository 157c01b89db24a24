package org.moviestream.pipeline.io;

import com.datastax.driver.mapping.Mapper;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Saves mapped entities asynchronously on the JVM's shared session, at most {@code maxInFlight}
 * at a time, and finishes a bundle only when all its writes are acknowledged: a failed write
 * fails the bundle, which Spark retries (the rows are upserts, so a retry doubles nothing).
 */
final class SessionWriteFn<RowT> extends DoFn<RowT, Void> {

  private final CassandraTarget target;
  private final Class<RowT> entity;
  private final int maxInFlight;
  private transient Mapper<RowT> mapper;
  private transient Semaphore inFlight;
  private transient Queue<Throwable> failures;

  SessionWriteFn(CassandraTarget target, Class<RowT> entity, int maxInFlight) {
    this.target = target;
    this.entity = entity;
    this.maxInFlight = maxInFlight;
  }

  @Setup
  public void setup() {
    mapper = SharedSessions.mapper(target, entity);
  }

  @StartBundle
  public void startBundle() {
    inFlight = new Semaphore(maxInFlight);
    failures = new ConcurrentLinkedQueue<>();
  }

  @ProcessElement
  public void processElement(@Element RowT row) throws InterruptedException {
    inFlight.acquire();
    Futures.addCallback(mapper.saveAsync(row), new FutureCallback<Void>() {
      @Override
      public void onSuccess(Void result) {
        inFlight.release();
      }

      @Override
      public void onFailure(Throwable error) {
        failures.add(error);
        inFlight.release();
      }
    }, MoreExecutors.directExecutor());
  }

  @FinishBundle
  public void finishBundle() throws InterruptedException, IOException {
    inFlight.acquire(maxInFlight);
    inFlight.release(maxInFlight);
    Throwable first = failures.peek();
    if (first != null) {
      throw new IOException(failures.size() + " writes to " + target.keyspace() + " failed, the first: " + first.getMessage(), first);
    }
  }
}

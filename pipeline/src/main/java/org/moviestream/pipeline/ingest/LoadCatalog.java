package org.moviestream.pipeline.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionView;
import org.moviestream.catalog.Catalog;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.catalog.CatalogReader;
import org.moviestream.catalog.RejectedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catalog CSV file -> a side input mapping each title key to its entry. The file is read once,
 * where the pipeline is built; its rows then travel with the job, so workers need no copy of it.
 */
public final class LoadCatalog
    extends PTransform<PBegin, PCollectionView<Map<String, CatalogEntry>>> {

  private static final Logger LOG = LoggerFactory.getLogger(LoadCatalog.class);

  private final Catalog catalog;

  private LoadCatalog(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Reads {@code path} now; an unreadable catalog fails here, before anything runs. */
  public static LoadCatalog from(String path) {
    Catalog catalog = CatalogReader.read(Path.of(path));
    for (RejectedRow row : catalog.rejected()) {
      LOG.warn("catalog {}: skipped {}", path, row);
    }
    LOG.info(
        "catalog {}: {} titles, {} duplicate titles ignored (first row wins), {} rows skipped",
        path,
        catalog.size(),
        catalog.duplicates(),
        catalog.rejected().size());
    return of(catalog);
  }

  public static LoadCatalog of(Catalog catalog) {
    return new LoadCatalog(catalog);
  }

  @Override
  public PCollectionView<Map<String, CatalogEntry>> expand(PBegin input) {
    List<KV<String, CatalogEntry>> entries = new ArrayList<>();
    catalog.byTitle().forEach((key, entry) -> entries.add(KV.of(key, entry)));
    return input
        .apply(
            "CatalogEntries",
            Create.of(entries).withCoder(KvCoder.of(StringUtf8Coder.of(), CatalogEntryCoder.of())))
        .apply("AsMap", View.asMap());
  }
}

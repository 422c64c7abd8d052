package org.tongke.config.yaml;

import java.util.Optional;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.diagnostic.SourceIndex;

/**
 * What a load produced: the county as far as it could be built (empty when even its header
 * is unusable), where every part came from, and the problems found while reading.
 */
public record LoadedCounty(Optional<County> county, SourceIndex sources, Problems problems) {
}

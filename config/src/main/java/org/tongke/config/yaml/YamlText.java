package org.tongke.config.yaml;

import org.tongke.config.diagnostic.Location;

/** A text item of a YAML list and where it stands. */
public record YamlText(String value, Location location) {
}

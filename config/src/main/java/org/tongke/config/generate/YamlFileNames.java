package org.tongke.config.generate;

import java.util.regex.Pattern;

/**
 * The file a school or a community's requirements is written to. The loader reads the files
 * of a folder in name order, so this is also the order a loaded county lists them in.
 */
final class YamlFileNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private YamlFileNames() {
    }

    static String of(String id) {
        if (!SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' cannot be a file name: use letters, digits, '.', '_' and '-'");
        }
        return id + ".yaml";
    }
}

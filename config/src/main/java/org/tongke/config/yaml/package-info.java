/**
 * The loader of a county configuration folder. It reads SnakeYAML's node tree field by field
 * (no objects are constructed from YAML tags) so that every value keeps its line and every bad
 * value becomes a problem, never an exception; only {@link org.tongke.config.yaml.ConfigLoader}
 * and its result are public.
 */
package org.tongke.config.yaml;

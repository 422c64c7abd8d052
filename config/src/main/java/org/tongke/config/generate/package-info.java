/**
 * Generated county configurations: the real Qingtian communities of 2021 ({@link
 * org.tongke.config.generate.QingtianBlueprint}) or a synthetic county of any size ({@link
 * org.tongke.config.generate.SyntheticBlueprint}), filled in deterministically from a seed by
 * {@link org.tongke.config.generate.CountyGenerator} and written as the YAML folder the loader
 * reads by {@link org.tongke.config.generate.CountyYamlWriter}. {@link
 * org.tongke.config.generate.SampleCounties} is the entry point for the command line.
 */
package org.tongke.config.generate;

package org.tongke.config.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Location;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.diagnostic.SourceIndex;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.School;

/**
 * Reads a county configuration folder: {@code county.yaml}, {@code communities.yaml}, one
 * {@code schools/*.yaml} per school and any number of {@code requirements/*.yaml}. Never throws
 * for bad input: everything wrong ends up in the result's problems.
 */
public final class ConfigLoader {
    public static final String COUNTY_FILE = "county.yaml";
    public static final String COMMUNITIES_FILE = "communities.yaml";
    public static final String SCHOOLS_DIR = "schools";
    public static final String REQUIREMENTS_DIR = "requirements";

    private final Problems problems = new Problems();
    private final SourceIndex sources = new SourceIndex();
    private final Path dir;

    private ConfigLoader(Path dir) {
        this.dir = dir;
    }

    public static LoadedCounty load(Path dir) {
        return new ConfigLoader(dir).load();
    }

    private LoadedCounty load() {
        if (!Files.isDirectory(dir)) {
            problems.error(Location.ofFile(dir.toString()), "configuration folder does not exist");
            return new LoadedCounty(Optional.empty(), sources, problems);
        }
        Optional<CountyFileReader.Header> header = open(COUNTY_FILE).map(CountyFileReader::read);
        var communities = open(COMMUNITIES_FILE).map(CommunitiesReader::read)
                .orElse(new CommunitiesReader.Result(List.of(), List.of()));
        var calendar = header.map(CountyFileReader.Header::calendar)
                .orElse(org.tongke.config.calendar.TermCalendar.empty());
        List<School> schools = new ArrayList<>();
        for (String file : yamlFiles(SCHOOLS_DIR, true)) {
            String stem = file.substring(file.indexOf('/') + 1, file.lastIndexOf('.'));
            Optional<YamlMap> map = open(file);
            if (map.isEmpty()) {
                // Its id is unknown (the file name need not be it): no school reference is reported as missing.
                sources.recordUnknownUnbuilt(SourceIndex.SCHOOL, "");
            }
            map.flatMap(m -> SchoolReader.read(m, calendar, stem)).ifPresent(schools::add);
        }
        List<LessonRequirement> lessons = new ArrayList<>();
        List<ResearchRequirement> research = new ArrayList<>();
        for (String file : yamlFiles(REQUIREMENTS_DIR, false)) {
            open(file).map(RequirementsReader::read).ifPresent(r -> {
                lessons.addAll(r.lessons());
                research.addAll(r.research());
            });
        }
        // A county whose own id or name is wrong is still checked whole: those errors are reported already.
        Optional<County> county = header.map(h -> new County(h.id() != null ? h.id() : "?", h.name() != null ? h.name() : "?",
                h.calendar(), h.targets(), schools, communities.communities(), communities.pairings(), lessons, research,
                h.weights()));
        return new LoadedCounty(county, sources, problems);
    }

    private Optional<YamlMap> open(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            problems.error(Location.ofFile(name), "file is missing");
            return Optional.empty();
        }
        return YamlFile.open(file, name, problems, sources);
    }

    /** The YAML files of a sub-folder in name order, as paths relative to the configuration folder. */
    private List<String> yamlFiles(String folder, boolean required) {
        Path sub = dir.resolve(folder);
        if (!Files.isDirectory(sub)) {
            if (Files.exists(sub)) {
                problems.error(Location.ofFile(folder), "is not a folder");
            } else if (required) {
                problems.error(Location.ofFile(folder + "/"), "folder is missing");
            }
            if (folder.equals(SCHOOLS_DIR)) {
                sources.recordUnknownUnbuilt(SourceIndex.SCHOOL, "");
            }
            return List.of();
        }
        try (Stream<Path> files = Files.list(sub)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .sorted()
                    .map(n -> folder + "/" + n)
                    .toList();
            if (required && names.isEmpty()) {
                problems.error(Location.ofFile(folder + "/"), "no .yaml files in the folder");
            }
            return names;
        } catch (IOException e) {
            problems.error(Location.ofFile(folder + "/"), "cannot be listed: " + e.getMessage());
            if (folder.equals(SCHOOLS_DIR)) {
                sources.recordUnknownUnbuilt(SourceIndex.SCHOOL, "");
            }
            return List.of();
        }
    }
}

package org.tongke.scheduler.ical;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** A feed read back by ical4j's own parser, the way a calendar client reads it. */
record ParsedFeed(String text, Calendar calendar) {

    static ParsedFeed parse(String text) {
        try {
            return new ParsedFeed(text, new CalendarBuilder().build(new StringReader(text)));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the feed does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    List<VEvent> events() {
        return calendar.getComponents(Component.VEVENT);
    }

    List<String> uids() {
        return events().stream().map(e -> value(e, Property.UID)).toList();
    }

    VEvent event(String uid) {
        return events().stream().filter(e -> uid.equals(value(e, Property.UID))).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid + " in\n" + text));
    }

    String calendarValue(String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElse(null);
    }
}

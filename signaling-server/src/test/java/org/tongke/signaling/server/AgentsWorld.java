package org.tongke.signaling.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.schedule.KnownClassroom;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.PlanReader;
import org.tongke.signaling.schedule.TestPlans;
import org.tongke.signaling.schedule.Timetable;

/**
 * What the agents' real-server tests share: a server clock on which it is always 10:00 in
 * Beijing today (so that a lesson at 10:05 is about to start whatever the hour the test runs),
 * the tiny county's classrooms, tokens, and a plain HTTP GET.
 */
final class AgentsWorld {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String HOST = TestPlans.HOST;
    static final String RURAL = TestPlans.RURAL;
    static final List<KnownClassroom> COUNTY = List.of(new KnownClassroom(HOST, "城西小学", "录播教室"),
            new KnownClassroom(RURAL, "祯埠镇小", "录播教室"));

    final Clock clock;
    final LocalDate today;
    final TokenIssuer issuer = new TokenIssuer(SignalingServerIT.SECRET, Clock.systemUTC());

    AgentsWorld() {
        Clock system = Clock.systemUTC();
        LocalDate date = LocalDate.now(system.withZone(BEIJING));
        LocalDateTime tenOClock = date.atTime(10, 0);
        Duration shift = Duration.between(system.instant(), tenOClock.atZone(BEIJING).toInstant());
        this.clock = Clock.offset(system, shift);
        this.today = date;
    }

    /** An occurrence of c1-math today, chengxi hosting, zhenbu receiving. */
    String lessonToday(String weekly, String start, String end) {
        return TestPlans.occurrence(weekly, today.toString(), start, end);
    }

    Timetable timetable(String... occurrences) {
        Timetable timetable = new Timetable(clock, COUNTY);
        timetable.replace(PlanReader.read(TestPlans.file(List.of(occurrences)).getBytes(StandardCharsets.UTF_8), "test"));
        return timetable;
    }

    SignalingServer start(Timetable timetable) throws InterruptedException {
        return SignalingServer.start(ServerOptions.defaults().withPort(0), new TokenVerifier(SignalingServerIT.SECRET,
                Clock.systemUTC()), clock, timetable, new LessonRooms.Timing(Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofMillis(100)));
    }

    String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    static HttpResponse<String> get(int port, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

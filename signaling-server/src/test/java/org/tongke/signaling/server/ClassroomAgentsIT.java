package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.signaling.schedule.PlanReader;
import org.tongke.signaling.schedule.TestPlans;
import org.tongke.signaling.schedule.Timetable;

/** Edge agents, consoles and staff against a real server with a timetable, over real WebSocket and HTTP. */
class ClassroomAgentsIT {
    static final String HEALTH = "\"sources\":[{\"name\":\"teacher\",\"state\":\"recording\",\"fps\":25.0,\"error\":null}],"
            + "\"disk\":{\"freeBytes\":52000000000,\"totalBytes\":64000000000,\"full\":false},"
            + "\"backlog\":{\"files\":3,\"bytes\":41000000,\"oldest\":null},\"scheduleVersion\":17,\"clockOffsetMs\":-42,"
            + "\"recording\":null";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentsWorld world = new AgentsWorld();
    private Timetable timetable;
    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        timetable = world.timetable(world.lessonToday("c1-math#1", "10:05", "10:45"),
                world.lessonToday("c1-math#2", "14:00", "14:40"));
        server = world.start(timetable);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    WsClient agent(String classroom) throws InterruptedException {
        return WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT, "classroom:" + classroom));
    }

    JsonNode classrooms(String token) throws Exception {
        HttpResponse<String> answer = AgentsWorld.get(server.port(), "/api/classrooms", token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static JsonNode find(JsonNode view, String classroom) {
        for (JsonNode c : view.path("classrooms")) {
            if (c.path("classroom").asText().equals(classroom)) {
                return c;
            }
        }
        throw new AssertionError(classroom + " is not in " + view);
    }

    @Test
    void anAgentGetsItsScheduleRightAfterWelcomeAndStaffSeeItsAckAndHealth() throws Exception {
        try (WsClient agent = agent(AgentsWorld.RURAL)) {
            JsonNode schedule = agent.next("schedule");
            assertThat(schedule.path("classroom").asText()).isEqualTo(AgentsWorld.RURAL);
            assertThat(schedule.path("timeZone").asText()).isEqualTo("Asia/Shanghai");
            JsonNode first = schedule.path("lessons").get(0);
            assertThat(first.path("lesson").asText()).isEqualTo("c1-math#1@" + world.today);
            assertThat(first.path("role").asText()).isEqualTo("receiving");
            assertThat(first.path("school").asText()).isEqualTo("祯埠镇小");
            assertThat(first.path("start").asText()).isEqualTo(world.today + "T10:05:00+08:00");
            assertThat(schedule.path("lessons")).hasSize(2);
            long version = schedule.path("version").asLong();

            agent.send("schedule-ack", "\"version\":" + version);
            agent.send("health", HEALTH);
            agent.assertAlive();

            JsonNode rural = find(classrooms(world.token(Role.STAFF, "county:tiny")), AgentsWorld.RURAL);
            assertThat(rural.path("state").asText()).isEqualTo("online");
            assertThat(rural.path("acknowledgedVersion").asLong()).isEqualTo(version);
            assertThat(rural.path("scheduleVersion").asLong()).isEqualTo(version);
            assertThat(rural.path("health").path("backlog").path("files").asInt()).isEqualTo(3);
            assertThat(rural.path("health").path("clockOffsetMs").asLong()).isEqualTo(-42);
            assertThat(rural.path("schoolName").asText()).isEqualTo("祯埠镇小");
            JsonNode host = find(classrooms(world.token(Role.STAFF, "county:tiny")), AgentsWorld.HOST);
            assertThat(host.path("state").asText()).isEqualTo("offline");
            assertThat(host.path("health").isNull()).isTrue();
            assertThat(AgentsWorld.get(server.port(), "/metrics", null).body())
                    .contains("tongke_signaling_classrooms{state=\"online\"} 1")
                    .contains("tongke_signaling_classrooms{state=\"offline\"} 1");
        }
    }

    @Test
    void aNewTimetableReachesTheConnectedAgentsWhoseLessonsChanged() throws Exception {
        try (WsClient agent = agent(AgentsWorld.RURAL)) {
            long before = agent.next("schedule").path("version").asLong();

            timetable.replace(PlanReader.read(TestPlans.file(List.of(world.lessonToday("c1-math#1", "10:05", "10:45")))
                    .getBytes(StandardCharsets.UTF_8), "test"));

            JsonNode after = agent.next("schedule");
            assertThat(after.path("version").asLong()).isGreaterThan(before);
            assertThat(after.path("lessons")).hasSize(1);
        }
    }

    @Test
    void onResumeTheScheduleComesAgainOnlyWhenTheAgentHadNotAcknowledgedIt() throws Exception {
        String token = world.token(Role.CLASSROOM_AGENT, "classroom:" + AgentsWorld.RURAL);
        WsClient first = WsClient.welcomed(server.port(), token);
        long version = first.next("schedule").path("version").asLong();
        String session = first.session();
        first.close();

        try (WsClient second = WsClient.resumed(server.port(), token, session, first.lastSeq())) {
            assertThat(second.welcome().path("resumed").asBoolean()).isTrue();
            assertThat(second.next("schedule").path("version").asLong()).isEqualTo(version);
            second.send("schedule-ack", "\"version\":" + version);
            second.assertAlive();
            second.close();

            try (WsClient third = WsClient.resumed(server.port(), token, session, second.lastSeq())) {
                assertThat(third.welcome().path("resumed").asBoolean()).isTrue();
                third.assertAlive();
            }
        }
    }

    @Test
    void staffCommandReachesTheAgentAndTheResultComesBack() throws Exception {
        try (WsClient agent = agent(AgentsWorld.RURAL);
             WsClient staff = WsClient.welcomed(server.port(), world.token(Role.STAFF, "school:zhenbu"))) {
            agent.next("schedule");
            staff.send("agent-command", "\"classroom\":\"" + AgentsWorld.RURAL + "\",\"command\":\"start-now\","
                    + "\"id\":\"c-1\",\"minutes\":45,\"lesson\":null");

            JsonNode command = agent.next("command");
            assertThat(command.path("id").asText()).isEqualTo("c-1");
            assertThat(command.path("minutes").asInt()).isEqualTo(45);
            assertThat(command.path("from").asText()).isEqualTo("school:zhenbu");
            agent.send("command-result", "\"id\":\"c-1\",\"ok\":true,\"message\":\"recording\"");

            JsonNode result = staff.next("command-result");
            assertThat(result.path("classroom").asText()).isEqualTo(AgentsWorld.RURAL);
            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("message").asText()).isEqualTo("recording");

            staff.send("agent-command", "\"classroom\":\"" + AgentsWorld.HOST + "\",\"command\":\"status\",\"id\":\"c-2\"");
            assertThat(staff.error()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theTimetablesRoomIsOpenBeforeTheLessonAndTheAgentsAndTeacherJoinIt() throws Exception {
        String room = "c1-math#1@" + world.today;
        try (WsClient rural = agent(AgentsWorld.RURAL); WsClient host = agent(AgentsWorld.HOST);
             WsClient teacher = WsClient.welcomed(server.port(), world.token(Role.LEAD_TEACHER, "lesson:" + room))) {
            rural.next("schedule");
            host.next("schedule");
            teacher.send("join", "\"room\":\"" + room + "\"");
            JsonNode state = teacher.next("snapshot").path("state");
            assertThat(state.path("title").asText()).isEqualTo("数学 · 城西小学 四年级(1)班");
            assertThat(state.path("host").asText()).isEqualTo(AgentsWorld.HOST);

            host.send("join", "\"room\":\"" + room + "\"");
            host.next("snapshot");
            rural.send("join", "\"room\":\"" + room + "\"");
            rural.next("snapshot");
            rural.send("recording", "\"room\":\"" + room + "\",\"recording\":true");
            teacher.change("joined");
            teacher.change("joined");
            JsonNode recording = teacher.change("recording");
            assertThat(recording.path("classroom").asText()).isEqualTo(AgentsWorld.RURAL);
            assertThat(recording.path("recording").asBoolean()).isTrue();

            JsonNode view = classrooms(world.token(Role.STAFF, "county:tiny"));
            assertThat(find(view, AgentsWorld.RURAL).path("room").asText()).isEqualTo(room);
            assertThat(find(view, AgentsWorld.HOST).path("room").asText()).isEqualTo(room);

            teacher.send("join", "\"room\":\"c1-math#2@" + world.today + "\"");
            assertThat(teacher.error()).as("the afternoon lesson's room is not open yet").isEqualTo("NO_SUCH_ROOM");
        }
    }

    @Test
    void theClassroomsApiWantsAStaffTokenAndShowsSchoolStaffTheirOwnSchoolOnly() throws Exception {
        assertThat(AgentsWorld.get(server.port(), "/api/classrooms", null).statusCode()).isEqualTo(401);
        assertThat(AgentsWorld.get(server.port(), "/api/classrooms", "not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> teacher = AgentsWorld.get(server.port(), "/api/classrooms",
                world.token(Role.LEAD_TEACHER, "classroom:" + AgentsWorld.HOST));
        assertThat(teacher.statusCode()).isEqualTo(403);
        assertThat(teacher.body()).contains("\"code\":\"forbidden\"");

        JsonNode school = classrooms(world.token(Role.STAFF, "school:chengxi"));
        assertThat(school.path("classrooms")).hasSize(1);
        assertThat(school.path("classrooms").get(0).path("classroom").asText()).isEqualTo(AgentsWorld.HOST);
        assertThat(classrooms(world.token(Role.STAFF, "county:tiny")).path("classrooms")).hasSize(2);
        assertThat(AgentsWorld.get(server.port(), "/health", null).statusCode()).as("other routes still answer")
                .isEqualTo(200);
    }
}

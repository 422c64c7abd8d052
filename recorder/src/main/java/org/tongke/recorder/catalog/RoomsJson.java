package org.tongke.recorder.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rooms of an entry as stored in {@code rooms_json}: a list of objects with the role word. */
final class RoomsJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> LIST = new TypeReference<>() { };

    private RoomsJson() {
    }

    static String write(List<Room> rooms) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Room room : rooms) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("role", room.role().word());
            map.put("school", room.schoolId());
            map.put("schoolName", room.schoolName());
            map.put("classId", room.classId());
            map.put("className", room.className());
            map.put("teacher", room.teacherId());
            map.put("teacherName", room.teacherName());
            out.add(map);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rooms cannot be written as JSON", e);
        }
    }

    static List<Room> read(String json) {
        try {
            List<Room> rooms = new ArrayList<>();
            for (Map<String, String> map : JSON.readValue(json, LIST)) {
                rooms.add(new Room(role(map.get("role")), map.get("school"), map.get("schoolName"), map.get("classId"),
                        map.get("className"), map.get("teacher"), map.get("teacherName")));
            }
            return rooms;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog rooms_json is not a list of rooms: " + e.getOriginalMessage(), e);
        }
    }

    private static Room.Role role(String word) {
        for (Room.Role role : Room.Role.values()) {
            if (role.word().equals(word)) {
                return role;
            }
        }
        throw new IllegalStateException("catalog rooms_json has an unknown role '" + word + "'");
    }
}

package cn.jiandu.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.support.Api;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Helpers for the problem API tests: submissions, actions, photos with a recognisable EXIF/GPS segment. */
final class ProblemFixtures {

    static final String GPS_MARKER = "GPSLatitude-21.4817N-JianduSecret";

    private ProblemFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long unitId(MockMvc mvc, String name) throws Exception {
        return Api.orgUnitId(mvc, name);
    }

    /** A new department under the company: no dispatch rule matches it, so its reports wait for manual dispatch. */
    static long newUnit(MockMvc mvc, String prefix) throws Exception {
        long company = unitId(mvc, "北海分公司");
        String body = mvc.perform(Api.as(mvc, "admin", post("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                        .content(Api.write(Map.of("parentId", company, "name", unique(prefix), "type", "DEPARTMENT")))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(Api.json(body).get("id").asString());
    }

    static String problemJson(String title, String category, Long orgUnitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "描述：" + title);
        body.put("categoryCode", category);
        body.put("orgUnitId", orgUnitId);
        body.put("location", "现场");
        return Api.write(body);
    }

    static MockMultipartHttpServletRequestBuilder submission(String json, MockMultipartFile... photos) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/problems");
        b.file(new MockMultipartFile("problem", "", MediaType.APPLICATION_JSON_VALUE,
                json.getBytes(StandardCharsets.UTF_8)));
        for (MockMultipartFile f : photos) {
            b.file(f);
        }
        return b;
    }

    static ResultActions submit(MockMvc mvc, String user, String json, MockMultipartFile... photos)
            throws Exception {
        return mvc.perform(submission(json, photos).header("Authorization", "Bearer " + Api.token(mvc, user)));
    }

    static JsonNode submitOk(MockMvc mvc, String user, String title, String category, Long unit,
            MockMultipartFile... photos) throws Exception {
        String body = submit(mvc, user, problemJson(title, category, unit), photos).andReturn().getResponse()
                .getContentAsString();
        JsonNode node = Api.json(body);
        if (!node.has("number")) {
            throw new IllegalStateException(body);
        }
        return node;
    }

    static ResultActions act(MockMvc mvc, String user, String id, String action, Object... extra) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return mvc.perform(Api.as(mvc, user, post("/api/v1/problems/" + id + "/actions")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(body))));
    }

    static ResultActions rate(MockMvc mvc, String user, String id, String rating) throws Exception {
        return mvc.perform(Api.as(mvc, user, post("/api/v1/problems/" + id + "/rating")
                .contentType(MediaType.APPLICATION_JSON).content(Api.write(Map.of("rating", rating,
                        "comment", "评价")))));
    }

    static MockMultipartFile photo(String name) throws Exception {
        return new MockMultipartFile("photos", name, "image/jpeg", jpegWithExif());
    }

    /** A real JPEG with an APP1 "Exif" segment carrying a recognisable GPS marker. */
    static byte[] jpegWithExif() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.BLUE);
        g.fillOval(100, 100, 200, 150);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] jpeg = out.toByteArray();
        byte[] payload = ("Exif\0\0" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        int len = payload.length + 2;
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
        withExif.write(payload);
        withExif.write(jpeg, 2, jpeg.length - 2);
        return withExif.toByteArray();
    }
}

package cn.jiandu.sharing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.jiandu.support.Api;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Small real files and API shortcuts for the sharing tests. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String prefix, String ext) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ext;
    }

    static byte[] pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        try {
            BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, 0xff0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] text(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    /** The space of a role as the user sees it in GET /api/v1/spaces. */
    static JsonNode space(MockMvc mvc, String user, String roleCode) throws Exception {
        JsonNode spaces = Api.json(mvc.perform(Api.as(mvc, user, get("/api/v1/spaces"))).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode s : spaces) {
            if (roleCode.equals(s.get("roleCode").asString())) {
                return s;
            }
        }
        throw new IllegalStateException(user + " sees no space " + roleCode);
    }

    static long folder(MockMvc mvc, String user, String roleCode, String kind) throws Exception {
        for (JsonNode f : space(mvc, user, roleCode).get("folders")) {
            if (kind.equals(f.get("kind").asString())) {
                return Long.parseLong(f.get("id").asString());
            }
        }
        throw new IllegalStateException("no folder " + kind);
    }

    static MvcResult upload(MockMvc mvc, String user, long folderId, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/folders/{id}/files", folderId)
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .header("Authorization", "Bearer " + Api.token(mvc, user))).andReturn();
    }

    /** Uploads and returns the new file's id (fails unless 201). */
    static long uploaded(MockMvc mvc, String user, long folderId, String name, byte[] bytes) throws Exception {
        MvcResult r = upload(mvc, user, folderId, name, bytes);
        if (r.getResponse().getStatus() != 201) {
            throw new IllegalStateException(r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        }
        return Long.parseLong(Api.json(r.getResponse().getContentAsString()).get("id").asString());
    }

    static JsonNode json(MvcResult r) throws Exception {
        return Api.json(r.getResponse().getContentAsString());
    }
}

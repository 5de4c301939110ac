package cn.jiandu.selection;

import static cn.jiandu.support.Api.as;
import static cn.jiandu.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.identity.UserDirectory;
import cn.jiandu.identity.domain.User;
import cn.jiandu.identity.domain.UserRepository;
import cn.jiandu.org.OrgDirectory;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentService;
import cn.jiandu.shared.security.Role;
import cn.jiandu.support.Api;
import cn.jiandu.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** 授证: only leaders issue; the PDF embeds its font; the public check sees genuine, altered and ended certificates. */
@IntegrationTest
class CertificateApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserRepository userRepository;
    @Autowired UserDirectory users;
    @Autowired OrgDirectory org;
    @Autowired AppointmentService service;

    private final LocalDate today = LocalDate.now(cn.jiandu.shared.time.ClockConfig.ZONE);

    private Appointment fresh() {
        User u = userRepository.insert(new User(null, "cert-" + UUID.randomUUID().toString().substring(0, 8),
                "试任者", org.findByName("网络部").orElseThrow().id(), null, "x", Set.of(Role.EMPLOYEE), true, false));
        return service.appoint(u.id(), Role.TEAM_SUPERVISOR, org.findByName("传输保障班组").orElseThrow().id(),
                today.minusDays(3), null, AppointmentOrigin.SELECTED, null);
    }

    private String issue(String as, Object body, int expected) throws Exception {
        return mvc.perform(as(mvc, as, post("/api/v1/certificates")).contentType(MediaType.APPLICATION_JSON)
                .content(Api.write(body))).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode verify(String code) throws Exception {
        return json(mvc.perform(get("/api/v1/certificates/verify").param("code", code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void theDemoTeamSupervisorsHoldCertificatesFromTheDisciplineSecretary() throws Exception {
        String id = json(mvc.perform(as(mvc, "admin", get("/api/v1/appointments?userId="
                + users.findByUsername("team1").orElseThrow().id()))).andReturn().getResponse().getContentAsString())
                .get("items").get(0).get("id").asString();
        JsonNode a = json(mvc.perform(as(mvc, "team1", get("/api/v1/appointments/" + id))).andReturn().getResponse()
                .getContentAsString());
        assertThat(a.get("certificate").get("number").asString()).matches("JDZS-2024-\\d{4}");
        String url = a.get("certificate").get("verifyUrl").asString();
        assertThat(url).startsWith("/verify/");
        JsonNode v = verify(url.substring("/verify/".length()));
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("maskedName").asString()).isEqualTo("黄*");
        assertThat(v.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(v.get("unitName").asString()).isEqualTo("渠道管理班组");
        assertThat(v.has("userId")).isFalse();
    }

    @Test
    void onlyLeadersIssueOnceForAnAppointmentInOffice() throws Exception {
        Appointment a = fresh();
        Map<String, Object> body = Map.of("appointmentIds", List.of(String.valueOf(a.id())), "ceremonyDate",
                today.toString(), "place", "北海分公司三楼会议室");
        for (String nobody : List.of("admin", "bs_net", "team1", "staff1")) {
            issue(nobody, body, 403);
        }
        issue("secretary", Map.of("appointmentIds", List.of("987654321"), "ceremonyDate", today.toString()), 400);
        issue("secretary", Map.of("appointmentIds", List.of(String.valueOf(a.id())), "ceremonyDate",
                today.plusDays(1).toString()), 400);
        JsonNode issued = json(issue("secretary", body, 201));
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).get("number").asString()).isEqualTo(a.number().replace("JDPR-", "JDZS-"));
        assertThat(issued.get(0).get("issuer").asString()).isEqualTo("李正清");
        issue("party_secretary", body, 409);

        String code = issued.get(0).get("verifyUrl").asString().substring("/verify/".length());
        JsonNode v = verify(code);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("maskedName").asString()).isEqualTo("试*者");
        assertThat(v.get("status").asString()).isEqualTo("ACTIVE");

        // the PDF: A4 with an embedded TrueType subset; readers of the appointment only
        byte[] pdf = mvc.perform(as(mvc, "secretary", get("/api/v1/appointments/" + a.id() + "/certificate.pdf")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            var fontName = page.getResources().getFontNames().iterator().next();
            var font = page.getResources().getFont(fontName);
            assertThat(font.getName()).contains("NotoSansSC");
            assertThat(font.isEmbedded()).isTrue();
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("试任者", a.number().replace("JDPR-", "JDZS-"), "李正清", "班组监督员");
        }
        mvc.perform(as(mvc, "staff1", get("/api/v1/appointments/" + a.id() + "/certificate.pdf")))
                .andExpect(status().isNotFound());

        // the public page, no login
        String page = mvc.perform(get("/verify/" + code)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("试*者", "在任").doesNotContain("试任者");

        // ended: at once on the page
        service.end(a.id(), cn.jiandu.selection.AppointmentEnded.EndReason.TERMINATED, "调离", today, null);
        assertThat(verify(code).get("status").asString()).isEqualTo("ENDED");
        assertThat(mvc.perform(get("/verify/" + code)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已解聘");
    }

    @Test
    void alteredTruncatedOrUnknownCodesAreAClearInvalidNeverAnError() throws Exception {
        Appointment a = fresh();
        JsonNode issued = json(issue("secretary", Map.of("appointmentIds", List.of(String.valueOf(a.id())),
                "ceremonyDate", today.toString()), 201));
        String code = issued.get(0).get("verifyUrl").asString().substring("/verify/".length());
        int dot = code.indexOf('.');
        String alteredContent = (code.charAt(3) == 'A' ? code.substring(0, 3) + "B" : code.substring(0, 3) + "A")
                + code.substring(4);
        for (String bad : List.of(alteredContent, code.substring(0, code.length() - 5), code.substring(0, dot),
                "garbage", "%%%", "a.b")) {
            JsonNode v = verify(bad);
            assertThat(v.get("valid").asBoolean()).as(bad).isFalse();
            assertThat(v.get("maskedName").isNull()).isTrue();
        }
        assertThat(json(mvc.perform(get("/api/v1/certificates/verify")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).get("valid").asBoolean()).isFalse();
        assertThat(mvc.perform(get("/verify/" + code.substring(0, code.length() - 5))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("无效");
        assertThat(mvc.perform(get("/api/v1/certificates/public-key")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}

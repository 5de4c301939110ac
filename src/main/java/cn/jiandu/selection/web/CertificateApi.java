package cn.jiandu.selection.web;

import cn.jiandu.selection.SelectionProperties;
import cn.jiandu.selection.domain.Appointment;
import cn.jiandu.selection.domain.AppointmentQueries;
import cn.jiandu.selection.domain.CertificateService;
import cn.jiandu.selection.domain.CertificateService.Certificate;
import cn.jiandu.selection.domain.CertificateService.Verification;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import cn.jiandu.shared.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 授证: issuing (leaders), the PDF, and the public verification of a code. */
@RestController
@Tag(name = "selection", description = "组织链: 授证")
class CertificateApi {

    record IssueForm(List<String> appointmentIds, LocalDate ceremonyDate, String place) {
    }

    record IssuedJson(String id, String number, String appointmentId, LocalDate issuedOn, String place, String issuer,
            String verifyUrl) {
    }

    record VerifyJson(boolean valid, Appointment.Status status, Role type, String maskedName, String unitName,
            LocalDate termStart, LocalDate termEnd) {

        static VerifyJson of(Verification v) {
            return new VerifyJson(v.valid(), v.status(), v.type(), v.maskedName(), v.unitName(), v.termStart(),
                    v.termEnd());
        }
    }

    private final CertificateService certificates;
    private final AppointmentQueries appointments;
    private final CertificateRenderer renderer;
    private final SelectionProperties properties;
    private final MessageSource messages;

    CertificateApi(CertificateService certificates, AppointmentQueries appointments, CertificateRenderer renderer,
            SelectionProperties properties, MessageSource messages) {
        this.certificates = certificates;
        this.appointments = appointments;
        this.renderer = renderer;
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping(value = "/api/v1/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('certificate:issue')")
    List<IssuedJson> issue(JianduPrincipal me, @RequestBody IssueForm body) {
        List<Long> ids;
        try {
            ids = body.appointmentIds() == null ? null : body.appointmentIds().stream().map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("appointmentIds", "error.invalidValue");
        }
        return certificates.issue(me, ids, body.ceremonyDate(), body.place()).stream()
                .map(c -> new IssuedJson(String.valueOf(c.id()), c.number(), String.valueOf(c.appointmentId()),
                        c.ceremonyDate(), c.place(), c.issuerName(), "/verify/" + c.code())).toList();
    }

    @GetMapping("/api/v1/certificates/verify")
    ResponseEntity<VerifyJson> verify(@RequestParam(required = false) String code) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(VerifyJson.of(certificates.verify(code)));
    }

    @GetMapping(value = "/api/v1/certificates/public-key", produces = "application/x-pem-file")
    String publicKey() {
        return certificates.keys().publicPem();
    }

    @GetMapping("/api/v1/appointments/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(JianduPrincipal me, @PathVariable long id) {
        AppointmentQueries.Item item = appointments.detail(me, id);
        Certificate c = certificates.ofAppointment(id).orElseThrow(Refusal::notFound);
        byte[] pdf = renderer.pdf(List.of(sheet(item, c)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + c.number() + ".pdf\"")
                .cacheControl(CacheControl.noCache().cachePrivate()).body(pdf);
    }

    /** What the certificate says, in Chinese (the certificate is a Chinese document). */
    CertificateRenderer.Sheet sheet(AppointmentQueries.Item item, Certificate c) {
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Appointment a = item.appointment();
        return new CertificateRenderer.Sheet(messages.getMessage("certificate.title", null, zh), item.person(),
                messages.getMessage(a.type().messageKey(), null, zh), item.scopeUnitName(),
                a.termStart() + " 至 " + a.termEnd(), c.number(), c.issuerName(),
                c.ceremonyDate() + (c.place() == null ? "" : " · " + c.place()), verifyUrl(c.code()),
                messages.getMessage("certificate.scan", null, zh));
    }

    String verifyUrl(String code) {
        String base = properties.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}

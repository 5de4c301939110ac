package cn.jiandu.selection.web;

import cn.jiandu.selection.SelectionPermissions;
import cn.jiandu.selection.domain.AppointmentQueries;
import cn.jiandu.selection.domain.CertificateService;
import cn.jiandu.shared.Refusal;
import cn.jiandu.shared.security.JianduPrincipal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The printable certificate, issuing from the appointment page, and the public verification page. */
@Controller
class CertificatePages {

    private final CertificateService certificates;
    private final AppointmentQueries appointments;
    private final CertificateApi api;
    private final MessageSource messages;

    CertificatePages(CertificateService certificates, AppointmentQueries appointments, CertificateApi api,
            MessageSource messages) {
        this.certificates = certificates;
        this.appointments = appointments;
        this.api = api;
        this.messages = messages;
    }

    @GetMapping("/appointments/{id}/certificate")
    String printable(JianduPrincipal me, @PathVariable long id, Model model) {
        AppointmentQueries.Item item = appointments.detail(me, id);
        CertificateService.Certificate c = certificates.ofAppointment(id).orElseThrow(Refusal::notFound);
        CertificateRenderer.Sheet sheet = api.sheet(item, c);
        model.addAttribute("sheet", sheet);
        model.addAttribute("qr", CertificateRenderer.svg(sheet.verifyUrl(), 180));
        model.addAttribute("appointmentId", id);
        return "selection/certificate";
    }

    @PostMapping("/appointments/{id}/certificate")
    @PreAuthorize("hasAuthority('certificate:issue')")
    String issue(JianduPrincipal me, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ceremonyDate,
            @RequestParam(required = false) String place, RedirectAttributes redirect) {
        appointments.detail(me, id);
        try {
            certificates.issue(me, List.of(id), ceremonyDate, place);
            return "redirect:/appointments/" + id + "/certificate";
        } catch (Refusal e) {
            redirect.addFlashAttribute("error", messages.getMessage(
                    e.fieldErrors().isEmpty() ? e.messageKey() : e.fieldErrors().get(0).messageKey(),
                    e.fieldErrors().isEmpty() ? e.args() : e.fieldErrors().get(0).args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:/appointments/" + id;
        }
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable String code, Model model) {
        model.addAttribute("v", certificates.verify(code));
        return "selection/verify";
    }

    static boolean mayIssue(JianduPrincipal me) {
        return me.can(SelectionPermissions.CERTIFICATE_ISSUE);
    }
}

package org.doorstep.safety;

import java.util.List;
import java.util.Locale;
import org.doorstep.records.IncidentKind;
import org.doorstep.web.DoorstepPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The phone check-in page. Without a visit it lists the visits the user is on now and takes a reference
 * (typed in any case); with one, its script shows the watch and the check-ins the server offers for the
 * phase. Open to every school role: whoever is on the visit checks in, whatever their role, and the
 * check-in API decides per visit.
 */
@Controller
@DoorstepPage
class CheckInPage {

    static final String PATH = "/check-in";

    private final SafetyWatches watches;

    CheckInPage(SafetyWatches watches) {
        this.watches = watches;
    }

    record MyVisit(String reference, String address) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String visit, Authentication user, Model model) {
        if (visit != null && !visit.isBlank()) {
            String reference = visit.strip().toUpperCase(Locale.ROOT);
            if (!reference.equals(visit)) {
                // One address per visit, whatever was typed or tapped: "hv-tha-00001 " opens HV-THA-00001.
                return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParam("visit", reference).encode().toUriString();
            }
            model.addAttribute("visit", reference);
            model.addAttribute("incidentKinds", IncidentKind.values());
        } else {
            List<MyVisit> mine = watches.openFor(user.getName()).stream()
                    .map(watch -> new MyVisit(watch.visitReference(), watch.address() == null ? "" : watch.address()))
                    .toList();
            model.addAttribute("mine", mine);
        }
        return "check-in";
    }
}

package org.doorstep.safety;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.doorstep.api.Problems;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.records.VisitNotes;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.school.Staff;
import org.doorstep.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-ins from the phone page or any client: {@code POST /api/visits/{reference}/check-ins} with
 * {@code {"type":"ARRIVED|OK|LEAVING|BACK|EMERGENCY"}} (the office may add {@code "onBehalfOf"}).
 * Refusals answer 4xx with a problem detail whose {@code code} says why (e.g. {@code WATCH_ENDED}) and change
 * nothing.
 */
@RestController
class CheckInController {

    private final CheckIns checkIns;
    private final SafetyWatches watches;
    private final SchoolDirectory directory;
    private final SchoolMembers members;
    private final VisitNotes visits;
    private final SchoolAccess schools;
    private final PolicyProfiles profiles;

    CheckInController(CheckIns checkIns, SafetyWatches watches, SchoolDirectory directory, SchoolMembers members,
            VisitNotes visits, SchoolAccess schools, PolicyProfiles profiles) {
        this.profiles = profiles;
        this.members = members;
        this.visits = visits;
        this.schools = schools;
        this.checkIns = checkIns;
        this.watches = watches;
        this.directory = directory;
    }

    @PostMapping("/api/visits/{reference}/check-ins")
    CheckIns.Receipt checkIn(@PathVariable String reference, @RequestBody CheckInRequest request, Authentication user) {
        requireVisitOfOwnSchool(reference, user);
        CheckInType type = parse(request == null ? null : request.type());
        return checkIns.checkIn(reference, type, user.getName(), isOffice(user), request.onBehalfOf());
    }

    /** The visit's watch as the phone page shows it; also hands the page its CSRF token. */
    @GetMapping("/api/visits/{reference}/safety")
    WatchView watch(@PathVariable String reference, Authentication user, CsrfToken csrf) {
        requireVisitOfOwnSchool(reference, user);
        SafetyWatches.Watch watch = watches.find(reference).orElseThrow(() -> CheckIns.notSignedOut(reference));
        boolean leader = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.SENIOR_LEADERS)));
        if (!watch.staff().contains(user.getName()) && !((isOffice(user) || leader) && members.worksFor(user.getName(), watch.schoolId()))) {
            throw new CheckInRefusedException(CheckInRefusedException.Reason.NOT_ASSIGNED,
                    "You (" + user.getName() + ") are not on visit " + reference + ".");
        }
        String names = directory.staff(watch.staff()).stream().map(Staff::fullName).collect(Collectors.joining(", "));
        Phase phase = Phase.valueOf(watch.phase());
        List<Offer> offered = watch.ended() ? List.of()
                : CheckInType.offeredIn(phase).stream().map(type -> new Offer(type, type.label(), type.confirmation())).toList();
        // Read before knocking and kept in sight while there; once on the way back it has done its job.
        List<PolicyProfile.DoorRule> guidance = !watch.ended() && (phase == Phase.DEPARTED || phase == Phase.AT_ADDRESS)
                ? profiles.forSchool(watch.schoolId()).visit().doorGuidance() : List.of();
        return new WatchView(reference, names, watch.address(), watch.phase(), phase.description(), offered, guidance, watch.alert(),
                alertMessage(watch), watch.lastCheckInAt(), watch.lastCheckInType(),
                watch.lastCheckInType() == null ? null : CheckInType.valueOf(watch.lastCheckInType()).label(),
                watch.nextCheckInDueAt(), watch.expectedBackAt(), watch.ended(),
                checkIns.checkIns(reference), csrf.getHeaderName(), csrf.getToken());
    }

    /** What the phone page says beside the reference: the staff must know the office is trying to reach them. */
    private static String alertMessage(SafetyWatches.Watch watch) {
        if (watch.ended()) {
            return "Watch ended";
        }
        if (watch.alert() == null) {
            return null;
        }
        return RaiseEmergency.ALERT.equals(watch.alert()) ? "EMERGENCY RAISED" : "OVERDUE: the office is trying to reach you";
    }

    /** The open visits the signed-in user is on: the phone page's starting point. */
    @GetMapping("/api/safety/mine")
    List<Map<String, String>> mine(Authentication user) {
        return watches.openFor(user.getName()).stream()
                .map(watch -> Map.of("visitReference", watch.visitReference(), "address", watch.address() == null ? "" : watch.address()))
                .toList();
    }

    @ExceptionHandler(CheckInRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CheckInRefusedException e) {
        return refusal(HttpStatus.valueOf(e.reason().httpStatus()), e.reason(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return refusal(HttpStatus.BAD_REQUEST, CheckInRefusedException.Reason.BAD_REQUEST,
                "Send JSON like {\"type\":\"OK\"}; type is one of " + types() + ".");
    }

    private static ResponseEntity<ProblemDetail> refusal(HttpStatus status, CheckInRefusedException.Reason reason, String detail) {
        ProblemDetail problem = Problems.problem(status, detail);
        problem.setProperty("code", reason.name());
        return ResponseEntity.status(status).body(problem);
    }

    private static CheckInType parse(String type) {
        try {
            return CheckInType.valueOf(type == null ? "" : type.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new CheckInRefusedException(CheckInRefusedException.Reason.BAD_REQUEST,
                    "Unknown check-in type '" + Problems.shorten(type) + "'; use one of " + types() + ".");
        }
    }

    private static String types() {
        return Arrays.stream(CheckInType.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static boolean isOffice(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Roles.authority(Roles.OFFICE)));
    }

    record CheckInRequest(String type, String onBehalfOf) {
    }

    /**
     * {@code allowedCheckIns}: the buttons the page shows, in order, with their labels and the question to
     * confirm first (if any); none once the watch has ended. {@code doorGuidance}: the school's rules for the
     * door and inside the home (visit.doorGuidance), each with its clause, while staff are on the way or there.
     * {@code alertMessage}: the alert, or the watch's end, in words.
     */
    record WatchView(String visitReference, String staff, String address, String phase, String phaseDescription,
            List<Offer> allowedCheckIns, List<PolicyProfile.DoorRule> doorGuidance, String alert, String alertMessage,
            Instant lastCheckInAt, String lastCheckInType,
            String lastCheckInLabel, Instant nextCheckInDueAt, Instant expectedBackAt, boolean ended,
            List<SafetyWatches.CheckIn> checkIns, String csrfHeader, String csrfToken) {
    }

    record Offer(CheckInType type, String label, String confirmation) {
    }

    /** Another school's visit is "not found", so that a check-in cannot even reveal that it exists. */
    private void requireVisitOfOwnSchool(String reference, Authentication user) {
        if (!schools.canAccess(user, visits.schoolOf(reference).orElse(null))) {
            throw new CheckInRefusedException(CheckInRefusedException.Reason.UNKNOWN_VISIT, "There is no visit " + reference + ".");
        }
    }
}

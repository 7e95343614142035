package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.doorstep.DoorstepTest;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Identity set-up runs on every start against databases that earlier versions set up, and leaves
 * exactly what this version grants: what an earlier version (or a hand in Admin) granted beyond it
 * is revoked, and tasks created under Camunda's default UPDATE permission lose it.
 */
@DoorstepTest
class IdentitySetupUpgradeTest {

    @Autowired
    IdentitySetup identitySetup;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    VisitService visits;

    @Test
    void aRestartRevokesWhatEarlierVersionsGrantedAndRestoresSchoolStaffLists() {
        Authorization definitions = groupGrant(Roles.VISITING_STAFF, Resources.PROCESS_DEFINITION, ANY);
        definitions.addPermission(Permissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(definitions);
        AdminGrants.grant(authorizationService, Roles.VISITING_STAFF, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        AdminGrants.grant(authorizationService, Roles.OFFICE, Resources.USER, ANY, Permissions.READ);
        String taskId = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(visits.requestVisit("TVJ-0002", "attendance", "office").getBusinessKey())
                .singleResult().getId();
        Authorization candidate = authorizationService.createAuthorizationQuery().groupIdIn(Roles.HEADTEACHER)
                .resourceType(Resources.TASK).resourceId(taskId).singleResult();
        candidate.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(candidate);
        identityService.deleteMembership("lyn-visitor2", SchoolColleagues.staffGroupOf("lynnfield-primary"));

        identitySetup.postProcessEngineBuild(engine);

        assertThat(groupGrant(Roles.VISITING_STAFF, Resources.PROCESS_DEFINITION, ANY).isPermissionGranted(Permissions.CREATE_INSTANCE))
                .isFalse();
        assertThat(groupGrant(Roles.VISITING_STAFF, Resources.PROCESS_DEFINITION, ANY).isPermissionGranted(Permissions.READ))
                .as("what this version grants stays").isTrue();
        assertThat(groupGrant(Roles.VISITING_STAFF, Resources.PROCESS_INSTANCE, ANY)).isNull();
        assertThat(groupGrant(Roles.OFFICE, Resources.USER, ANY)).isNull();
        Authorization candidateNow = groupGrant(Roles.HEADTEACHER, Resources.TASK, taskId);
        assertThat(candidateNow.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(candidateNow.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup(SchoolColleagues.staffGroupOf("lynnfield-primary"))
                .userId("lyn-visitor2").count()).as("back in Lynnfield's staff group").isOne();
    }

    @Test
    void aRestartLeavesGrantsThatAreAlreadyRightUnwritten() {
        AuthorizationEntity before = (AuthorizationEntity) groupGrant(Roles.OFFICE, Resources.APPLICATION, "tasklist");

        identitySetup.postProcessEngineBuild(engine);

        AuthorizationEntity after = (AuthorizationEntity) groupGrant(Roles.OFFICE, Resources.APPLICATION, "tasklist");
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getPermissions()).isEqualTo(before.getPermissions());
        assertThat(after.getRevision()).as("not saved again on every start").isEqualTo(before.getRevision());
    }

    private Authorization groupGrant(String groupId, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
    }
}

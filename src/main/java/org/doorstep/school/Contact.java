package org.doorstep.school;

public record Contact(String pupilId, String name, String relationship, String phone, String email,
        boolean parentalResponsibility, int priority) {
}

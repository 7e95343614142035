package org.doorstep.school;

public record School(String id, String name, String phone, String email, String address) {
}

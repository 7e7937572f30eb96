package com.workline.persistence.quoting;

import com.workline.persistence.mail.SendRecord;

import java.util.UUID;

/**
 * One e-mail send of a quote as its history shows it: the stored {@link SendRecord} (how, when, to whom, Message-ID)
 * and the name of the person who sent or prepared it.
 */
public record QuoteSend(UUID id, String sentByName, SendRecord record) {
}

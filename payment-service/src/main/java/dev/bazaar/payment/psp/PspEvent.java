package dev.bazaar.payment.psp;

/**
 * One webhook event of the PSP, once its signature was verified.
 *
 * @param eventId the PSP's own id of the event: a redelivery carries the same id
 * @param paymentId the merchant reference the session was created with (our payment id)
 * @param sessionId the PSP's session
 * @param status what the event reports (its amount is what the PSP says it captured)
 */
public record PspEvent(String eventId, String type, String paymentId, String sessionId, PspStatus status) {}

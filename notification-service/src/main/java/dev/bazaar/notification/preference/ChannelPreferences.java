package dev.bazaar.notification.preference;

import dev.bazaar.notification.delivery.Channel;

/** Which channels a user is told on; every one is on until they opt out. */
public record ChannelPreferences(boolean email, boolean sms, boolean inApp) {

    static final ChannelPreferences ALL_ON = new ChannelPreferences(true, true, true);

    public boolean allows(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> sms;
            case IN_APP -> inApp;
        };
    }
}

package io.timetracker.api.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Allow-list entries are address literals or CIDR ranges; anything else matches nothing and is never resolved. */
class IpAllowListTest {

    @Test
    void addressesAndRangesOfBothFamiliesMatch() {
        assertThat(IpAllowList.allows(List.of("10.0.0.0/8"), "10.200.3.4")).isTrue();
        assertThat(IpAllowList.allows(List.of("192.168.1.1"), "192.168.1.1")).isTrue();
        assertThat(IpAllowList.allows(List.of("192.168.1.1"), "192.168.1.2")).isFalse();
        assertThat(IpAllowList.allows(List.of("fd00::/8"), "fd12::1")).isTrue();
        assertThat(IpAllowList.allows(List.of("::1"), "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpAllowList.allows(List.of(), "203.0.113.9")).isTrue();
    }

    @Test
    void hostNamesAndNonCanonicalFormsAreRefusedAndMatchNothing() {
        // names made of hex digits look like addresses to a lenient parser and would be looked up
        for (String name : List.of("localhost", "cafe", "dead.beef", "abc", "10.1", "1", "0x7f.1", "127.1",
                "fe80::1%eth0", "[::1]", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/8/8", "")) {
            assertThat(IpAllowList.isValidEntry(name)).as(name).isFalse();
            assertThat(IpAllowList.allows(List.of(name), "127.0.0.1")).as(name).isFalse();
        }
    }

    @Test
    void onlyLiteralsAreParsed() {
        assertThat(IpAllowList.literal("127.0.0.1")).isNotNull();
        assertThat(IpAllowList.literal("::ffff:127.0.0.1")).isNotNull();
        assertThat(IpAllowList.literal("localhost")).isNull();
        assertThat(IpAllowList.literal("beef")).isNull();
    }
}

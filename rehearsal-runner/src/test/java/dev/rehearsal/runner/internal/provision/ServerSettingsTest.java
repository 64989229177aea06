package dev.rehearsal.runner.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void should_ask_glibc_for_huge_pages_when_no_tunable_is_set() {
        assertThat(ServerSettings.glibcTunables(null)).isEqualTo("glibc.malloc.hugetlb=1");
        assertThat(ServerSettings.glibcTunables(" ")).isEqualTo("glibc.malloc.hugetlb=1");
    }

    @Test
    void should_keep_the_users_other_tunables_and_add_its_own() {
        assertThat(ServerSettings.glibcTunables("glibc.malloc.arena_max=2"))
                .isEqualTo("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    }

    @Test
    void should_leave_the_users_own_choice_of_huge_pages_alone() {
        assertThat(ServerSettings.glibcTunables("glibc.malloc.hugetlb=0")).isEqualTo("glibc.malloc.hugetlb=0");
        assertThat(ServerSettings.glibcTunables("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"))
                .isEqualTo("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2");
    }
}

package org.apdm.core.profile;

import java.nio.file.Path;
import java.util.List;

/**
 * What apdm reads from a N.I.N.A. profile file (peers-and-formats §2.3).
 *
 * @param file    the {@code .profile} file
 * @param id      {@code Profile/Id}, the GUID the Target Scheduler uses too
 * @param name    {@code Profile/Name}; by the user's convention {@code <optic>@f<ratio>+<camera>}
 * @param filters the filter wheel's filters ({@code FilterInfo/_name}) by {@code _position}
 */
public record NinaProfile(Path file, String id, String name, List<String> filters) {

    public NinaProfile {
        filters = List.copyOf(filters);
    }
}

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
 * @param latitude  {@code AstrometrySettings/Latitude} as written, or null when unset (N.I.N.A. writes 0 and 0)
 * @param longitude {@code AstrometrySettings/Longitude} as written, or null when unset
 */
public record NinaProfile(Path file, String id, String name, List<String> filters, String latitude, String longitude) {

    public NinaProfile {
        filters = List.copyOf(filters);
    }

    public NinaProfile(Path file, String id, String name, List<String> filters) {
        this(file, id, name, filters, null, null);
    }
}

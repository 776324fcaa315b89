package dev.bazaar.inbound.importing;

import dev.bazaar.inbound.translation.SupplierFormat;
import dev.bazaar.starter.problem.ApiProblem;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Picks the {@link SupplierFormat} bean for a request: by content type, narrowed by the optional {@code format} parameter. */
@Component
class SupplierFormats {

    private final List<SupplierFormat> formats;

    SupplierFormats(List<SupplierFormat> formats) {
        this.formats = formats;
    }

    SupplierFormat select(String contentType, String requestedName) {
        MediaType mediaType =
                parse(contentType).orElseThrow(() -> unsupported("The request has no valid Content-Type."));
        List<SupplierFormat> candidates = formats.stream()
                .filter(format -> format.mediaType().isCompatibleWith(mediaType) && !mediaType.isWildcardType())
                .toList();
        if (candidates.isEmpty()) {
            throw unsupported("Content-Type " + mediaType + " is not supported.");
        }
        if (requestedName == null || requestedName.isBlank()) {
            return candidates.get(0);
        }
        return candidates.stream()
                .filter(format -> format.name().equals(requestedName))
                .findFirst()
                .orElseThrow(() -> ApiProblem.badRequest(
                        "unknown-format",
                        "Format '" + requestedName
                                + "' is not available for " + mediaType + "; available: "
                                + candidates.stream().map(SupplierFormat::name).toList() + "."));
    }

    SupplierFormat byName(String name) {
        return formats.stream()
                .filter(format -> format.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no format '" + name + "' in this version"));
    }

    private Optional<MediaType> parse(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
    }

    private ApiProblem unsupported(String detail) {
        List<String> supported =
                formats.stream().map(f -> f.mediaType() + " (" + f.name() + ")").toList();
        return new ApiProblem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Unsupported media type",
                        detail + " Send one of: " + String.join(", ", supported) + ".")
                .with("supported", supported);
    }
}

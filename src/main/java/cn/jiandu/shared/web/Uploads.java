package cn.jiandu.shared.web;

import cn.jiandu.shared.Upload;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** Multipart parts as {@link Upload}s, so that nothing of Spring's web layer reaches the domain. */
public final class Uploads {

    private Uploads() {
    }

    public static Upload of(MultipartFile part) {
        return new Upload(part.getOriginalFilename(), part.getContentType(), part.getSize(), part::getInputStream);
    }

    /** The non-empty parts (a form's empty file input sends an empty part). */
    public static List<Upload> of(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream().filter(p -> !p.isEmpty()).map(Uploads::of).toList();
    }
}

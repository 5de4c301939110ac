package cn.jiandu.files;

/** The accepted types, each recognised by its content (magic bytes), never by its name. */
public enum FileKind {
    JPEG, PNG, GIF, WEBP, PDF,
    /** .docx, .xlsx, .pptx */
    OOXML,
    /** legacy .doc, .xls, .ppt (OLE2 compound documents) */
    LEGACY_OFFICE,
    /** WPS Office documents (.wps, .et, .dps) */
    WPS,
    TEXT, MP4;

    public boolean isImage() {
        return this == JPEG || this == PNG || this == GIF || this == WEBP;
    }
}

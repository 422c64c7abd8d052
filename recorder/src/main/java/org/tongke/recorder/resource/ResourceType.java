package org.tongke.recorder.resource;

/** The file types the library accepts, with the media type and extension each is stored under. */
public enum ResourceType {
    PDF("application/pdf", "pdf"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg");

    /** For error messages: what may be uploaded. */
    public static final String ACCEPTED = "PDF, PowerPoint (.pptx), Word (.docx), PNG or JPEG";

    private final String mediaType;
    private final String extension;

    ResourceType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}

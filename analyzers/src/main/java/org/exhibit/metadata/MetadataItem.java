package org.exhibit.metadata;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One metadata entry as its reader names it: the group (EXIF IFD0, PNG-tEXt, Tika), the tag, and its value. */
@JsonPropertyOrder({"group", "tag", "value"})
public record MetadataItem(String group, String tag, String value) {
}
